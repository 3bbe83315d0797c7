import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

type Messages = { [key: string]: string | Messages };

function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function read(language: string): Messages {
  return JSON.parse(readFileSync(path.join('web', 'src', 'i18n', `${language}.json`), 'utf8')) as Messages;
}

test('Dutch and English have the same keys', () => {
  const dutch = keysOf(read('nl')).sort();
  const english = keysOf(read('en')).sort();
  expect(english.filter((key) => !dutch.includes(key))).toEqual([]);
  expect(dutch.filter((key) => !english.includes(key))).toEqual([]);
});

test('no translation is empty', () => {
  for (const language of ['nl', 'en']) {
    const messages = read(language);
    const empty = keysOf(messages).filter((key) => {
      const value = key.split('.').reduce<Messages | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), messages);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty, `${language}.json`).toEqual([]);
  }
});
