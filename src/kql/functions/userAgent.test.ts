import { describe, expect, it } from 'vitest';
import { parseUserAgent } from './userAgent';

const AIR = 'Mozilla/5.0 (Windows; U; en-US) AppleWebKit/531.9 (KHTML, like Gecko) AdobeAIR/2.5.1';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.1 Mobile/15E148 Safari/604.1';

describe('parseUserAgent', () => {
  it('gives the documented browser part of the documentation example', () => {
    expect(parseUserAgent(AIR, ['browser'])).toEqual({
      Browser: { Name: 'AdobeAIR', MajorVersion: '2', MinorVersion: '5', Patch: '1' },
    });
  });

  it('gives os and browser together when both are asked for, with empty versions where none is written', () => {
    expect(parseUserAgent(AIR, ['browser', 'os'])).toEqual({
      Browser: { Name: 'AdobeAIR', MajorVersion: '2', MinorVersion: '5', Patch: '1' },
      OperatingSystem: { Name: 'Windows', MajorVersion: '', MinorVersion: '', Patch: '', PatchMinor: '' },
    });
  });

  it('reads Chrome on Windows 10 and Safari on an iPhone', () => {
    const chrome = parseUserAgent(CHROME, null);
    expect(chrome['Browser']).toEqual({
      Name: 'Chrome',
      MajorVersion: '120',
      MinorVersion: '0',
      Patch: '6099',
    });
    expect(chrome['OperatingSystem']).toMatchObject({ Name: 'Windows', MajorVersion: '10' });
    expect(chrome['Device']).toEqual({ Name: 'Other', Brand: '', Model: '' });
    const iphone = parseUserAgent(IPHONE, ['browser', 'os', 'device']);
    expect(iphone['Browser']).toMatchObject({ Name: 'Mobile Safari', MajorVersion: '16', MinorVersion: '1' });
    expect(iphone['OperatingSystem']).toMatchObject({ Name: 'iOS', MajorVersion: '16', MinorVersion: '1' });
    expect(iphone['Device']).toEqual({ Name: 'iPhone', Brand: 'Apple', Model: 'iPhone' });
  });

  it('knows command-line clients and crawlers, and says Other for an unknown agent', () => {
    expect(parseUserAgent('curl/8.4.0', ['browser'])['Browser']).toMatchObject({
      Name: 'curl',
      MajorVersion: '8',
    });
    expect(
      parseUserAgent('kubectl/v1.28.3 (linux/amd64) kubernetes/a8a1abc', ['browser'])['Browser'],
    ).toMatchObject({
      Name: 'kubectl',
      MinorVersion: '28',
    });
    const bot = parseUserAgent(
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      null,
    );
    expect(bot['Browser']).toMatchObject({ Name: 'Googlebot', MajorVersion: '2', MinorVersion: '1' });
    expect(bot['Device']).toEqual({ Name: 'Spider', Brand: 'Spider', Model: 'Desktop' });
    expect(parseUserAgent('something', ['BROWSER'])).toEqual({
      Browser: { Name: 'Other', MajorVersion: '', MinorVersion: '', Patch: '' },
    });
  });

  it('refuses a part it does not know', () => {
    expect(() => parseUserAgent(CHROME, ['engine'])).toThrow(/browser/);
  });
});
