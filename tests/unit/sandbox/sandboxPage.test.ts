import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { frameScript, sandboxPage, sandboxPolicy } from '../../../src/sandbox/sandboxPage.ts';
import { headersFile, headersFor } from '../../../src/sandbox/securityHeaders.ts';

const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

describe('the sandbox page', () => {
  test('carries the frame script inline, and its policy allows that script and no other', () => {
    const page = sandboxPage();
    const scripts = inlineScripts(page);
    expect(scripts).toEqual([frameScript()]);
    expect(page).not.toMatch(/<script[^>]+src=/);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
    expect(meta).toContain(`script-src ${hashOf(scripts[0]!)} 'unsafe-eval'`);
    expect(meta).not.toContain("'self'");
    expect(meta).not.toContain('unsafe-inline');
    // What only a header can carry stays out of the meta tag (browsers ignore it there, with a warning).
    expect(meta).not.toMatch(/sandbox|frame-ancestors/);
  });

  test('the header policy (served, written to _headers, given by the service worker) is the meta policy plus the sandbox', () => {
    const header = headersFor('/sandbox.html')['Content-Security-Policy']!;
    expect(header).toBe(sandboxPolicy());
    expect(header.startsWith('sandbox allow-scripts; ')).toBe(true);
    expect(header).toContain(`script-src ${hashOf(frameScript())} 'unsafe-eval'`);
    expect(headersFile()).toContain(`/sandbox.html\n  Content-Security-Policy: ${header}`);
  });

  test('another script gets another hash, so an edited frame script cannot run under a stale policy', () => {
    expect(sandboxPolicy('console.log(1)')).not.toBe(sandboxPolicy('console.log(2)'));
    expect(() => sandboxPage('"</script><script>alert(1)"')).toThrow('must not contain');
  });
});
