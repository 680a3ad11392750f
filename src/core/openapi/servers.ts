// Server URLs → request-URL prefixes. Variables with an enum match those values, others match any
// segment text; a relative URL binds to the address the spec came from, or to any host.
import type { LoadOptions } from './load';
import type { ServerBinding, SpecVersion } from './types';
import { isRecord } from '../is-record';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_SERVERS = 50;

/** A template with `{var}`s as a regex source; literal text escaped. */
function templateSource(
  template: string,
  variables: Record<string, unknown>,
  anyValue: string,
): { source: string; literal: number; hasVars: boolean } {
  let source = '';
  let literal = 0;
  let hasVars = false;
  const re = /\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    source += escapeRe(template.slice(last, m.index));
    literal += m.index - last;
    hasVars = true;
    const def = variables[m[1]];
    const values =
      isRecord(def) && Array.isArray(def.enum)
        ? def.enum.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
        : [];
    source += values.length ? `(?:${values.map(escapeRe).join('|')})` : anyValue;
    last = m.index + m[0].length;
  }
  source += escapeRe(template.slice(last));
  literal += template.length - last;
  return { source, literal, hasVars };
}

function bindOne(
  url: string,
  variables: Record<string, unknown>,
  sourceUrl: string | undefined,
  warnings: string[],
  at: string,
): ServerBinding | null {
  let template = url.trim();
  if (!ABSOLUTE.test(template) && !template.startsWith('//') && sourceUrl && !template.includes('{')) {
    try {
      template = new URL(template || '/', sourceUrl).href;
    } catch {
      /* keep it relative */
    }
  }
  if (template.startsWith('//')) template = `https:${template}`;
  let originTemplate = '';
  let pathTemplate = template;
  if (ABSOLUTE.test(template)) {
    const slash = template.indexOf('/', template.indexOf('://') + 3);
    originTemplate = slash === -1 ? template : template.slice(0, slash);
    pathTemplate = slash === -1 ? '' : template.slice(slash);
  } else if (pathTemplate && !pathTemplate.startsWith('/')) pathTemplate = `/${pathTemplate}`;
  pathTemplate = pathTemplate.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const path = templateSource(pathTemplate, variables, '[^/]*');
  let originSource = '[a-z][a-z0-9+.-]*://[^/]+';
  let host: string | null = null;
  let literal = path.literal;
  if (originTemplate) {
    const origin = templateSource(originTemplate, variables, '[^/]*');
    originSource = origin.source;
    literal += origin.literal + 1000;
    if (!origin.hasVars) {
      try {
        host = new URL(originTemplate).host.toLowerCase();
        // The parser drops default ports; requests carry none either.
        originSource = escapeRe(`${new URL(originTemplate).protocol}//${host}`);
      } catch {
        warnings.push(`${at}: server URL ${JSON.stringify(url).slice(0, 120)} is not a valid URL; skipped`);
        return null;
      }
    }
  }
  let prefix: RegExp;
  try {
    prefix = new RegExp(`^${originSource}${path.source}(?=/|$)`, 'i');
  } catch {
    warnings.push(`${at}: server URL ${JSON.stringify(url).slice(0, 120)} could not be used; skipped`);
    return null;
  }
  return {
    display: originTemplate ? `${originTemplate}${pathTemplate}` : `*${pathTemplate || '/'}`,
    prefix,
    host,
    basePath: pathTemplate,
    weight: literal,
  };
}

export function bindServers(
  document: Record<string, unknown>,
  version: SpecVersion,
  options: LoadOptions,
  warnings: string[],
): ServerBinding[] {
  const entries: Array<{ url: string; variables: Record<string, unknown>; at: string }> = [];
  if (options.baseUrls?.length) {
    options.baseUrls.forEach((url, i) => entries.push({ url, variables: {}, at: `base URL ${i + 1}` }));
  } else if (version === '2.0') {
    const basePath = typeof document.basePath === 'string' ? document.basePath : '';
    if (typeof document.host === 'string' && document.host) {
      const schemes =
        Array.isArray(document.schemes) && document.schemes.length
          ? document.schemes.filter((s) => typeof s === 'string')
          : ['https', 'http'];
      for (const scheme of schemes)
        entries.push({ url: `${scheme}://${document.host}${basePath}`, variables: {}, at: '/host' });
    } else entries.push({ url: basePath, variables: {}, at: '/basePath' });
  } else {
    const servers = Array.isArray(document.servers) ? document.servers : [];
    servers.slice(0, MAX_SERVERS).forEach((server, i) => {
      if (isRecord(server) && typeof server.url === 'string') {
        entries.push({
          url: server.url,
          variables: isRecord(server.variables) ? server.variables : {},
          at: `/servers/${i}`,
        });
      } else warnings.push(`/servers/${i}: expected an object with a "url"; skipped`);
    });
    if (!entries.length) entries.push({ url: '/', variables: {}, at: '/servers' });
  }
  const bindings: ServerBinding[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const binding = bindOne(entry.url, entry.variables, options.sourceUrl, warnings, entry.at);
    if (binding && !seen.has(binding.prefix.source)) {
      seen.add(binding.prefix.source);
      bindings.push(binding);
    }
  }
  return bindings.sort((a, b) => b.weight - a.weight);
}
