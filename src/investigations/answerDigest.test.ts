import { describe, expect, it } from 'vitest';
import { matchesStaticAnswer, staticAnswerDigests } from './answerDigest';

describe('static answer digests', () => {
  it('match the accepted forms of an answer after normalisation, and nothing else', async () => {
    const digests = await staticAnswerDigests('docker-sock-escape', ['ci/build-agent']);
    expect(digests.join(' ')).not.toContain('build-agent');
    expect(await matchesStaticAnswer('docker-sock-escape', ' "CI/Build-Agent" ', digests)).toBe(true);
    expect(await matchesStaticAnswer('docker-sock-escape', 'build-agent', digests)).toBe(true);
    expect(await matchesStaticAnswer('docker-sock-escape', 'ci', digests)).toBe(false);
    expect(await matchesStaticAnswer('docker-sock-escape', '', digests)).toBe(false);
  });
  it('differ between cases, so one case’s digests cannot be looked up in another’s', async () => {
    const [first] = await staticAnswerDigests('a', ['restricted']);
    const [second] = await staticAnswerDigests('b', ['restricted']);
    expect(first).not.toBe(second);
  });
});
