// A 2xx body that is only a message, and the message says the call failed (`{"message": "Account already exists"}`,
// `{"reason": "no such user"}`): the rulebook's "a body that is only an error sentence where data was asked for".
// The words are those of a refusal or a failed lookup; a sentence that also says it succeeded, or only that nothing
// matched ("No results found"), is not one.

import { MESSAGE_KEYS } from './dictionaries';

/** Keys that hold the call's own message (normalized: lower case, no separators): the dictionary's message keys. */
export const LONE_MESSAGE_KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS.keys());

/** Words of a failed call: a refusal, a missing or conflicting resource, a broken input, a limit hit, a service down. */
const FAILURE_WORDS =
  /\b(?:invalid|error|failed|failure|unable|cannot|can ?not|could ?n[o']t|unauthori[sz]ed|forbidden|denied|rejected|refused|expired|missing|malformed|corrupt(?:ed)?|incorrect|wrong|insufficient|blocked|suspended|mismatch(?:ed)?|bad request|no such|too many|(?:limit|quota) (?:exceeded|reached)|exceeded|(?:temporarily|currently) (?:unavailable|down|offline|disabled)|(?:service|server|system) (?:is )?(?:unavailable|busy|overloaded)|try again later|timed out|already (?:exists?|registered|taken|in use|used)|do(?:es)? ?n[o']t exist|unknown|not (?:found|allowed|permitted|authori[sz]ed|authenticated|valid|exist|supported|enabled|available|active|verified|logged in))\b/i;

/**
 * Words that make the sentence a success, an empty result or work still under way, not a failure ("Deleted
 * successfully", "No results found", "…couldn't be marked in a single request; being marked in the background").
 */
const NOT_A_FAILURE =
  /\b(?:success(?:ful(?:ly)?)?|succeeded|no (?:results?|records?|matches|items|data|errors?) (?:found|matched|returned|available)|no errors?|without errors?|in the background|(?:is|are) being \w+ed|will be \w+ed|queued)\b/i;

/** Whether a message, alone in a 2xx body, says the call failed: 2 to 30 words, a failure word, no success word. */
export function saysFailureAlone(text: string): boolean {
  const t = text.trim();
  if (t.length > 200 || !/\S\s+\S/.test(t) || t.split(/\s+/).length > 30) return false;
  return FAILURE_WORDS.test(t) && !NOT_A_FAILURE.test(t);
}
