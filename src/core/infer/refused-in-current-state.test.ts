// A 5xx that refuses the call in the resource's current state (issue 13): "cannot <do it> when using <mode>" or
// "while it has <something>" is a conflict the same request meets again until someone changes the state, so it is
// not retryable. Connection, start-up and busy states the server names, and explicit waits, stay retryable.
// Sources: corpus/tools/learn-s30c-sources.md (Zaptec 500 "Cannot update installation when using APM").
import { describe, expect, it } from 'vitest';
import { requestBlamedByMessage } from './semantics';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const REFUSED: Variant[] = [
  {
    name: 'a numbered code beside a refusal in a mode, on a 500',
    status: 500,
    body: { Code: 541, Details: 'Cannot change charger phase when using load balancing' },
    expect: { failure: true, errorCode: '541', retryable: false },
  },
  {
    name: 'a refusal while the resource holds children, on a 500',
    status: 500,
    body: { error: "Can't delete a project while it has open pipelines" },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a refusal while a setting is enabled, on a 500',
    status: 500,
    body: { message: 'Cannot rename the vault when encryption is enabled' },
    expect: { failure: true, retryable: false },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: cannot connect while … is the server failing, retryable',
    status: 500,
    body: { message: 'Cannot connect to the database while the pool is exhausted' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a state that is still changing passes, retryable',
    status: 500,
    body: { message: 'Cannot update the record while the index is rebuilding' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a busy server, retryable',
    status: 503,
    body: { message: 'Cannot accept new jobs while the scheduler is busy' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a refusal that asks to try again later, retryable',
    status: 500,
    body: { message: 'Cannot modify settings when using maintenance mode, try again later' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a plain 500 without a state, retryable',
    status: 500,
    body: { Code: 539, Details: 'Cannot update installation' },
    expect: { failure: true, retryable: true },
  },
];

describe('a 5xx refusing the call in the current state is not retryable', () => {
  it.each(rows(REFUSED))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('server states, waits and bare refusals stay retryable', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it('reads the phrase, not the words alone', () => {
    expect(requestBlamedByMessage('Cannot update installation when using APM')).toBe(true);
    expect(requestBlamedByMessage('Cannot handle the request while the server is starting')).toBe(false);
    expect(requestBlamedByMessage('The job failed while using the fallback encoder')).toBe(false);
  });
});
