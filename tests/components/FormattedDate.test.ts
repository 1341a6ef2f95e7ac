import { describe, expect, it } from 'vitest';
import FormattedDate from '../../src/components/FormattedDate.astro';
import { render, textOf } from '../helpers/render';

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
});
