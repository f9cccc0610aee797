import { describe, expect, it } from 'vitest';
import type { CategoryConfig, Story } from '../../../src/model/types.ts';
import { createCategorizer } from '../../../src/pipeline/categorize/categorize-story.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';

const categories: CategoryConfig[] = [
  { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'tai nạn giao thông', 'phòng cháy chữa cháy'] },
  { id: 'y-te', title: 'Y tế', keywords: ['sốt xuất huyết', 'tiêm chủng'] },
  { id: 'kinh-te', title: 'Kinh tế', keywords: ['OCOP'] },
];
const sources = [makeSource('cong-an', { categoryMap: { 'Tin an ninh - quốc phòng': 'an-ninh-trat-tu' } })];
const categorize = createCategorizer(categories, sources);

function storyOf(title: string, text = '', sourceCategories: string[] = []): Story {
  return { id: 'urn:uuid:x', categories: [], datePublished: '', dateModified: '', copies: [makeCopy({ sourceId: 'cong-an', title, text, sourceCategories })] };
}

describe('createCategorizer', () => {
  it.each([
    { title: 'Bắt giữ đối tượng vận chuyển ma túy', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ đối tượng vận chuyển ma tuý', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ đối tượng vận chuyển ma túy'.normalize('NFD'), expected: ['an-ninh-trat-tu'] },
    { title: 'MA TÚY: cảnh báo mới', expected: ['an-ninh-trat-tu'] },
    { title: 'Làm gì thì làm, mà tùy người', expected: [] },
    { title: 'Diễn tập phòng cháy, chữa cháy tại chợ', expected: ['an-ninh-trat-tu'] },
    { title: 'Tăng cường tiêm chủng và phòng sốt xuất huyết', expected: ['y-te'] },
    { title: 'Sản phẩm ocop của huyện Lạc Sơn', expected: ['kinh-te'] },
    { title: 'Tai nạn giao thông làm 2 người bị thương; tiêm chủng mở rộng', expected: ['an-ninh-trat-tu', 'y-te'] },
  ])('files "$title" under $expected', ({ title, expected }) => {
    expect(categorize(storyOf(title))).toEqual(expected);
  });

  it('maps the source’s own category names under the folding rules', () => {
    expect(categorize(storyOf('Hội nghị giao ban', '', ['TIN AN NINH - QUỐC PHÒNG']))).toEqual(['an-ninh-trat-tu']);
    expect(categorize(storyOf('Hội nghị giao ban', '', ['Tin an ninh quốc phòng']))).toEqual(['an-ninh-trat-tu']);
  });

  it('matches keywords in the body, not only the title', () => {
    expect(categorize(storyOf('Tin trong ngày', 'Bệnh nhân sốt xuất huyết tăng ở huyện Kim Bôi.'))).toEqual(['y-te']);
  });
});
