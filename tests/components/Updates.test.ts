/** <Updates>: each update's time in the article's display zone, with the zone's name. */
import { describe, expect, it } from 'vitest';
import Updates from '../../src/components/Updates.astro';
import { render, textOf } from '../helpers/render.ts';

const UPDATES = [
  { time: '2025-03-29T08:00:00Z', kind: 'correction' as const, html: '<p>A name was misspelt.</p>' },
  { time: '2025-03-28T20:15:00+07:00', kind: 'update' as const, html: '<p>Added the toll.</p>' },
];

describe('Updates', () => {
  it('shows each time in the display zone it is given, keeping the offset in datetime', async () => {
    const root = await render(Updates, { updates: UPDATES, timeZone: 'Asia/Bangkok' });
    const times = root.querySelectorAll('time');
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual(UPDATES.map((entry) => entry.time));
    expect(times.map((time) => textOf(time))).toEqual([
      'March 29, 2025, 3 p.m. Bangkok time',
      'March 28, 2025, 8:15 p.m. Bangkok time',
    ]);
  });

  it('falls back to the newsroom’s zone', async () => {
    const root = await render(Updates, { updates: UPDATES });
    expect(textOf(root.querySelector('time'))).toBe('March 29, 2025, 8 a.m. London time');
  });
});
