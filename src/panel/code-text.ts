// What the list's Error code cell shows for a classification: shared by the cell and by the
// content-sized column width, so the width is measured on the text actually shown.
import { protocolLabel } from '../core/protocols/label';
import type { Classification } from '../core/types';

/** The cell's text and its tooltip (the whole code, e.g. a problem+json type URI). */
export function codeCell(c: Classification): { shown: string; title: string } {
  // RPC protocols are named with their code: "gRPC-web · UNAVAILABLE (14)". GraphQL keeps the bare code
  // (its endpoint says the protocol; the detail names it), so the column stays narrow.
  const label = c.protocol === 'graphql' ? null : protocolLabel(c);
  if (label) return { shown: label, title: label };
  const code = c.errorCode ?? '';
  // A problem+json type URI: its last segment names the problem; the whole URI is in the tooltip.
  if (!/^https?:\/\/[^\s]+\/[^/\s]+\/?$/i.test(code)) return { shown: code, title: code };
  const uri = code.replace(/\/$/, '');
  return { shown: uri.slice(uri.lastIndexOf('/') + 1), title: code };
}
