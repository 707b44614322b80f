import { describe, expect, it } from 'vitest';
import { launchedByOffice } from '../src/office/host';

describe('launchedByOffice', () => {
  it.each([
    ['?_host_Info=Word$Win32$16.01$vi-VN$$$$0', false, true],
    ['?lang=en&_host_Info=Excel$Mac$16.01$en-US$$$$0', false, true],
    ['', true, true],
    ['', false, false],
    ['?lang=en', false, false],
    ['?x_host_Info=1', false, false],
  ])('search %j framed %s → %s', (search, framed, expected) => {
    expect(launchedByOffice(search, framed)).toBe(expected);
  });
});
