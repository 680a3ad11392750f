// OpenAPI support: a team's own API explained and checked from its contract (README, "Your own API: its OpenAPI spec").
export { parseSpecText, MAX_SPEC_BYTES } from './parse';
export { loadSpec, type LoadResult, type LoadOptions } from './load';
export { matchOperation, type OperationMatch } from './match';
export { documentedResponse, errorFieldPaths } from './explain';
export { checkExchange, type ContractInput } from './check';
export { specRules } from './rules';
export type * from './types';
