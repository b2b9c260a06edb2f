import { describe, expect, it } from 'vitest';
import { KNOWN_PLATFORMS, platformFor, platformSteps } from './platform-steps';

describe('platform steps', () => {
  it('maps adapter ids and hosts to a platform', () => {
    expect(platformFor('facebook')).toBe('facebook');
    expect(platformFor('telegram-tme')).toBe('telegram');
    expect(platformFor('whatsapp-web')).toBe('whatsapp');
    expect(platformFor('twitter')).toBe('x');
    expect(platformFor('generic', 'https://id.jobstreet.com/id/job/1')).toBe('jobstreet');
    expect(platformFor('generic', 'https://m.facebook.com/story.php')).toBe('facebook');
    expect(platformFor('generic', 'https://example.org/')).toBeNull();
  });

  it('has steps in both languages for every platform, same count in each', () => {
    for (const key of KNOWN_PLATFORMS) {
      const en = platformSteps(key, 'en');
      const id = platformSteps(key, 'id');
      expect(en.platform).toBe(key);
      expect(en.steps.length).toBeGreaterThanOrEqual(2);
      expect(id.steps.length).toBe(en.steps.length);
      expect(id.steps).not.toEqual(en.steps);
    }
  });

  it('falls back to generic steps for an unknown site', () => {
    const steps = platformSteps('generic', 'id', 'https://example.org/');
    expect(steps.platform).toBe('generic');
    expect(steps.steps[1]).toContain('Laporkan');
  });
});
