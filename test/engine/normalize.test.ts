import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNormalizer, foldJa, normalizeJa } from '../../src/engine/normalize';
import { corpusFiles } from '../helpers/triage-corpora';

describe('normalizeJa', () => {
  it.each([
    ['full-width and half-width forms (NFKC)', 'ｶﾈがない！', 'かねがない'],
    ['latin is lower-cased', 'ＤＶ', 'dv'],
    ['katakana becomes hiragana', 'ボランティア', 'ぼらんていあ'],
    ['ー after a kana is dropped', 'デイサービス', 'でいさびす'],
    ['a stretched adjective', 'つらーい', 'つらい'],
    ['a small vowel that stretches', 'つらぁい', 'つらい'],
    ['repeated letters collapse', 'しにたいいいい', 'しにたい'],
    ['laughter collapses', 'ははは', 'は'],
    ['punctuation, spaces and emoji are stripped', '死にたい… 😢！', '死にたい'],
    ['a single long vowel inside a word stays', 'おかあさん', 'おかあさん'],
    ['a vowel starting the next word stays', '誰かとお茶', '誰かとお茶'],
    ['empty text', '', ''],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(normalizeJa(input)).toBe(expected);
  });

  it('folds small kana, っ included, so text typed without small kana matches', () => {
    expect(normalizeJa('しゃっきん')).toBe('しやつきん');
    expect(normalizeJa('しやつきん')).toBe(normalizeJa('しゃっきん'));
    expect(normalizeJa('いっしょ')).toBe(normalizeJa('いつしよ'));
  });

  it('treats every way of stretching a word alike', () => {
    const plain = normalizeJa('たすけて');
    for (const stretched of ['たすけてー', 'たすけてぇ', 'たすけてーーー', 'タスケテ']) {
      expect(normalizeJa(stretched)).toBe(plain);
    }
    expect(normalizeJa('たすけてええええ')).toBe(normalizeJa('たすけてえ'));
  });

  it.each([
    ['しんどい (関西: tired)', 'しんどいねん', 'つらいねん'],
    ['えらい (東海: tired)', '介護でえらい', '介護でつらい'],
    ['こわい after 体 (北海道: tired)', '体がこわい', '体がつらい'],
    ['こわい elsewhere means scared', '夫がこわい', '夫が怖い'],
    ['あかん', 'もうあかん', 'もうだめ'],
    ['〜っす', 'つらいっす', 'つらいです'],
    ['〜へん', 'わからへん', 'わからない'],
    ['〜とる', '困っとる', '困つている'],
    ['〜てる', '殴られてる', '殴られている'],
    ['〜ちゃいたい', '消えちゃいたい', '消えてしまいたい'],
    ['polite negative', 'お金がありません', 'お金がない'],
    ['も before ない', 'お米もない', 'お米がない'],
    ['input-method slip', '氏にたい', '死にたい'],
    ['〜とって (西日本)', '生きとっても', '生きていても'],
    ['〜てたって', '生きてたって', '生きていても'],
    ['an intensifier says nothing', '夫がほんとうにこわい', '夫が怖い'],
    ['net spelling', 'タヒにたい', '死にたい'],
  ])('maps %s: %s → %s', (_, input, expected) => {
    expect(normalizeJa(input)).toBe(expected);
  });

  it('leaves words that merely contain a dialect ending alone', () => {
    expect(normalizeJa('ほけん')).toBe('ほけん');
    expect(normalizeJa('ねんきん')).toBe('ねんきん');
    expect(normalizeJa('お金がないけん')).toBe('お金がないけん');
  });

  it('is idempotent on every corpus line', () => {
    for (const file of corpusFiles()) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const once = normalizeJa(line.split('\t')[0] ?? '');
        expect(normalizeJa(once), line).toBe(once);
      }
    }
  });

  it('takes its variants from data', () => {
    const normalize = createNormalizer([['ばり', 'とても']]);
    expect(normalize('ばりつらい')).toBe('とてもつらい');
    expect(foldJa('ばりつらい')).toBe('ばりつらい');
  });
});
