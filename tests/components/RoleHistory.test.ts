import { describe, expect, it } from 'vitest';
import RoleHistory from '../../src/components/RoleHistory.astro';
import { render, textOf } from '../helpers/render.ts';

const items = async (props: Record<string, unknown>) =>
  (await render(RoleHistory, props)).querySelectorAll('li').map((li) => textOf(li));

describe('RoleHistory', () => {
  it('lists dated roles newest first, with "since" only for a start date the data gives', async () => {
    const root = await render(RoleHistory, {
      roles: [
        { title: 'President of the United States', from: '2017-01-20', until: '2021-01-20' },
        { title: 'President of the United States', from: '2025-01-20' },
      ],
    });
    const list = root.querySelectorAll('li');
    expect(list.map((li) => textOf(li))).toEqual([
      'President of the United States, since January 20, 2025',
      'President of the United States, January 20, 2017 to January 20, 2021',
    ]);
    expect(list[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2025-01-20');
  });

  it('never writes "since" for a role without a start date: held as of the latest article it covers', async () => {
    const roles = [{ title: 'Prime Minister of Thailand' }];
    expect(await items({ roles, seenOn: ['2025-03-28', '2025-01-02T09:00:00+07:00'] })).toEqual([
      'Prime Minister of Thailand, as of March 28, 2025',
    ]);
    expect(await items({ roles, seenOn: ['2025-01-02T09:00:00+07:00'] })).toEqual([
      'Prime Minister of Thailand, as of January 2, 2025',
    ]);
    expect(await items({ roles })).toEqual(['Prime Minister of Thailand']);
    const all = (await items({ roles, seenOn: ['2025-03-28'] })).join(' ');
    expect(all).not.toContain('since');
  });

  it('gives a role with only an end date that end, and no "as of"', async () => {
    expect(
      await items({
        roles: [{ title: 'Governor of Bangkok', until: '2022-05-31' }],
        seenOn: ['2025-03-28'],
      }),
    ).toEqual(['Governor of Bangkok, until May 31, 2022']);
  });

  it('shows roles held at once in the order written, an undated current role first', async () => {
    expect(
      await items({
        roles: [
          { title: 'Deputy Prime Minister', from: '2023-09-01' },
          { title: 'Minister of Finance', from: '2023-09-01' },
          { title: 'Party leader' },
        ],
        seenOn: ['2025-03-28'],
      }),
    ).toEqual([
      'Party leader, as of March 28, 2025',
      'Deputy Prime Minister, since September 1, 2023',
      'Minister of Finance, since September 1, 2023',
    ]);
  });
});
