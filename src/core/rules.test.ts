import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveRules, textAtPath, validateRules, valueAtPath, VENDOR_PROFILES, type Rule } from './rules';

const rule = (id: string, match: Rule['match'], set: Rule['set']): Rule => ({
  id,
  name: id,
  enabled: true,
  match,
  set,
});
const target = { host: 'api.example.com', path: '/v1/persons/1', status: 423, errorCode: null };

describe('validateRules', () => {
  it('accepts a document and normalizes it', () => {
    const result = validateRules({
      version: 1,
      rules: [
        {
          name: ' Busy ',
          match: { host: 'API.example.com', status: 423 },
          set: { retryable: true, defaultWaitSeconds: 5 },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.rules[0]).toMatchObject({
      id: 'rule-1',
      name: 'Busy',
      enabled: true,
      match: { host: 'api.example.com', status: '423' },
    });
  });

  it.each([
    [{ rules: [{ match: { host: 'a b' }, set: { retryable: true } }] }, 'rules[0].match.host'],
    [{ rules: [{ match: { host: '*', status: '42' }, set: { retryable: true } }] }, 'rules[0].match.status'],
    [{ rules: [{ match: { host: '*', pathPrefix: 'v1' }, set: { retryable: true } }] }, 'rules[0].match.pathPrefix'],
    [{ rules: [{ match: { host: '*' }, set: { retryable: 'yes' } }] }, 'rules[0].set.retryable'],
    [{ rules: [{ match: { host: '*' }, set: { defaultWaitSeconds: -1 } }] }, 'rules[0].set.defaultWaitSeconds'],
    [{ rules: [{ match: { host: '*' }, set: { errorCodePath: 'errors[x]' } }] }, 'rules[0].set.errorCodePath'],
    [{ rules: [{ match: { host: '*' }, set: { requestIdHeader: 'x id' } }] }, 'rules[0].set.requestIdHeader'],
    [{ rules: [{ match: { host: '*' }, set: { retryabel: true } }] }, 'rules[0].set.retryabel'],
    [{ rules: [{ match: { host: '*' }, set: {} }] }, 'rules[0].set'],
    [{ rules: [{ set: { retryable: true } }] }, 'rules[0].match'],
    [{ rules: 'nope' }, 'rules'],
    [{ version: 2, rules: [] }, 'version'],
  ])('names the bad field in %j', (input, field) => {
    const result = validateRules(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toContain(field);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateRules(input);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('accepts every built-in profile', () => {
    expect(validateRules({ rules: VENDOR_PROFILES }).ok).toBe(true);
  });
});

describe('resolveRules precedence', () => {
  it('returns null when nothing matches', () => {
    expect(resolveRules([rule('a', { host: 'other.com' }, { retryable: true })], [], target)).toBeNull();
  });

  it('lets an exact host beat a wildcard beat *, field by field', () => {
    const rules = [
      rule('any', { host: '*' }, { retryable: false, action: 'any' }),
      rule('exact', { host: 'api.example.com' }, { action: 'exact' }),
      rule('wild', { host: '*.example.com' }, { action: 'wild', defaultWaitSeconds: 3 }),
    ];
    const resolved = resolveRules(rules, [], target)!;
    expect(resolved.set).toEqual({ retryable: false, action: 'exact', defaultWaitSeconds: 3 });
    expect(resolved.from).toEqual({ retryable: 'any', action: 'exact', defaultWaitSeconds: 'wild' });
  });

  it('prefers a longer path prefix, an exact status and an error code match', () => {
    const rules = [
      rule('class', { host: 'api.example.com', status: '4xx' }, { action: 'class' }),
      rule('exact-status', { host: 'api.example.com', status: '423' }, { action: 'exact-status' }),
    ];
    expect(resolveRules(rules, [], target)!.set.action).toBe('exact-status');
    const withPath = [
      ...rules,
      rule('path', { host: 'api.example.com', pathPrefix: '/v1/persons' }, { action: 'path' }),
    ];
    // A 11-character prefix (110) does not outweigh an exact status (600).
    expect(resolveRules(withPath, [], target)!.set.action).toBe('exact-status');
    const byCode = [...rules, rule('code', { host: 'api.example.com', errorCode: 'locked' }, { action: 'code' })];
    expect(resolveRules(byCode, [], { ...target, errorCode: 'locked' })!.set.action).toBe('code');
    expect(resolveRules(byCode, [], target)!.set.action).toBe('exact-status');
  });

  it('lets a user rule override a built-in profile even when the profile is more specific', () => {
    const profile = rule('profile', { host: 'api.example.com', status: '423' }, { action: 'profile', retryable: true });
    const user = rule('user', { host: '*' }, { action: 'user' });
    const resolved = resolveRules([user], [profile], target)!;
    expect(resolved.set).toEqual({ action: 'user', retryable: true });
  });

  it('breaks ties by list order and skips disabled rules', () => {
    const first = rule('first', { host: 'api.example.com' }, { action: 'first' });
    const second = rule('second', { host: 'api.example.com' }, { action: 'second' });
    expect(resolveRules([first, second], [], target)!.set.action).toBe('first');
    expect(resolveRules([{ ...first, enabled: false }, second], [], target)!.set.action).toBe('second');
  });

  it('matches any port when the pattern names none, and only that port when it does', () => {
    const any = rule('any-port', { host: 'localhost' }, { retryable: true });
    const one = rule('one-port', { host: 'localhost:3000' }, { retryable: true });
    const at = (host: string) => ({ ...target, host });
    expect(resolveRules([any], [], at('localhost:3000'))).not.toBeNull();
    expect(resolveRules([any], [], at('localhost'))).not.toBeNull();
    expect(resolveRules([one], [], at('localhost:3000'))).not.toBeNull();
    expect(resolveRules([one], [], at('localhost:4000'))).toBeNull();
    expect(resolveRules([any], [], at('localhost.evil.com'))).toBeNull();
  });

  it('matches status ranges and subdomain wildcards but not the bare domain', () => {
    const r = rule('range', { host: '*.example.com', status: '420-429' }, { retryable: true });
    expect(resolveRules([r], [], target)).not.toBeNull();
    expect(resolveRules([r], [], { ...target, status: 430 })).toBeNull();
    expect(resolveRules([r], [], { ...target, host: 'example.com' })).toBeNull();
  });
});

describe('valueAtPath', () => {
  const body = JSON.parse('{"errors":[{"error_code":"InvalidTitle","n":7}],"msg":["a","b"],"__proto__":{"x":1}}');
  it('reads dotted paths with indexes', () => {
    expect(textAtPath(body, 'errors[0].error_code')).toBe('InvalidTitle');
    expect(textAtPath(body, 'errors[0].n')).toBe('7');
    expect(textAtPath(body, 'msg')).toBe('a; b');
    expect(valueAtPath(body, 'errors[1].error_code')).toBeUndefined();
  });
  it('never walks the prototype chain', () => {
    expect(valueAtPath({}, 'constructor')).toBeUndefined();
    expect(valueAtPath({ a: {} }, 'a.toString')).toBeUndefined();
    expect(textAtPath(body, '__proto__.x')).toBe('1'); // an own key from JSON, not Object.prototype
  });
});
