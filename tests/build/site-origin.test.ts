import { afterEach, expect, it } from 'vitest';
import { absoluteUrl, LOCAL_SITE_URL, SITE_URL_ENV, siteOrigin } from '../../src/build/site-origin.ts';

const saved = process.env[SITE_URL_ENV];
afterEach(() => { if (saved === undefined) delete process.env[SITE_URL_ENV]; else process.env[SITE_URL_ENV] = saved; });

it('uses PANTAU_SITE_URL without its trailing slash, and the local address without it', () => {
  delete process.env[SITE_URL_ENV];
  expect(siteOrigin()).toBe(LOCAL_SITE_URL);
  process.env[SITE_URL_ENV] = 'https://pantau.example.go.id/statistik/';
  expect(siteOrigin()).toBe('https://pantau.example.go.id/statistik');
  expect(absoluteUrl('/kedatangan/?provinsi=51')).toBe('https://pantau.example.go.id/statistik/kedatangan/?provinsi=51');
});

it('refuses an address that is not absolute, or not http(s)', () => {
  process.env[SITE_URL_ENV] = 'pantau.example.go.id';
  expect(() => siteOrigin()).toThrow(/not an absolute URL/);
  process.env[SITE_URL_ENV] = 'ftp://pantau.example.go.id';
  expect(() => siteOrigin()).toThrow(/must start with https/);
});
