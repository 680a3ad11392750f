// The record lists behind the panel's views: the live tab's and an imported file's, each with its
// retry audit. Mutable and incremental, outside zustand's immutable state.
import type { FilterSpec } from '../filter';
import { AuditIndex } from './audit-index';
import { Dataset } from './dataset';
import type { ListSource, ViewSource } from './panel-types';

/** The list a view shows: the audit view shows the list it audits. */
export function listOf(view: ViewSource, auditOf: ListSource): ListSource {
  return view === 'audit' ? auditOf : view;
}

export interface ImportedList {
  dataset: Dataset;
  audit: AuditIndex;
}

export class Lists {
  readonly live: Dataset;
  readonly liveAudit = new AuditIndex();
  imported: ImportedList | null = null;

  constructor(spec: FilterSpec) {
    this.live = new Dataset(spec);
  }

  datasets(): Dataset[] {
    return this.imported ? [this.live, this.imported.dataset] : [this.live];
  }

  audits(): AuditIndex[] {
    return this.imported ? [this.liveAudit, this.imported.audit] : [this.liveAudit];
  }

  /** The dataset of a list; the live one when no file is imported. */
  dataset(list: ListSource): Dataset {
    return list === 'imported' && this.imported ? this.imported.dataset : this.live;
  }

  audit(list: ListSource): AuditIndex {
    return list === 'imported' && this.imported ? this.imported.audit : this.liveAudit;
  }
}
