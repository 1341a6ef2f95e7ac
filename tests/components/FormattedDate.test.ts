import { describe, expect, it } from 'vitest';
import FormattedDate from '../../src/components/FormattedDate.astro';
import { render, textOf } from '../helpers/render.ts';

describe('FormattedDate', () => {
  it.each([
    ['2025-08', 'August 2025'],
    ['2025-09-04', 'September 4, 2025'],
    ['2025', '2025'],
  ])('writes %s as datetime and "%s" as text', async (value, text) => {
    const time = (await render(FormattedDate, { value })).querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(value);
    expect(textOf(time)).toBe(text);
  });

  it('shows an instant in the zone it is given, with the zone’s name, and keeps the offset in datetime', async () => {
    const value = '2025-03-28T18:40:00+07:00';
    const bangkok = (await render(FormattedDate, { value, timeZone: 'Asia/Bangkok' })).querySelector('time');
    expect(bangkok?.getAttribute('datetime')).toBe(value);
    expect(textOf(bangkok)).toBe('March 28, 2025, 6:40 p.m. Bangkok time');
    // Without a zone: the site's (London, on GMT in March before the clocks change).
    expect(textOf((await render(FormattedDate, { value })).querySelector('time'))).toBe(
      'March 28, 2025, 11:40 a.m. London time',
    );
  });
});
