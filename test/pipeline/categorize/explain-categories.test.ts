import { describe, expect, it } from 'vitest';
import type { CategoryConfig, Story } from '../../../src/model/types.ts';
import { prepareRules } from '../../../src/pipeline/categorize/categorize-story.ts';
import { explainCategories } from '../../../src/pipeline/categorize/explain-categories.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';

const categories: CategoryConfig[] = [
  { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['trộm', 'bắt giữ', 'tai nạn'] },
  { id: 'kinh-te', title: 'Kinh tế', keywords: ['ngân hàng', 'lãi suất'], exclude: ['lừa đảo'] },
  { id: 'y-te', title: 'Y tế', keywords: ['bệnh viện', 'bác sĩ'] },
];
const rules = prepareRules(categories, [makeSource('bao-tinh', { categoryMap: { 'Pháp luật': 'an-ninh-trat-tu' } })]);

function explain(title: string, text: string, sourceCategories: string[] = []) {
  const copy = makeCopy({ sourceId: 'bao-tinh', title, text, sourceCategories });
  const story: Story = { id: 'urn:uuid:e', categories: [], datePublished: '', dateModified: '', copies: [copy] };
  return Object.fromEntries(explainCategories(story, rules).map((explanation) => [explanation.id, explanation]));
}

describe('explainCategories', () => {
  it('gives every rule that files the story, the operator’s map and the keywords alike', () => {
    const explained = explain('Bắt giữ kẻ trộm', '', ['Pháp luật']);
    expect(explained['an-ninh-trat-tu']!.filedBy.map(({ rule, detail }) => ({ rule, detail }))).toEqual([
      { rule: 'categoryMap', detail: 'Pháp luật' },
      { rule: 'keyword', detail: 'bắt giữ, trộm' },
    ]);
  });

  it.each([
    { kind: 'one keyword short in the text', title: 'Tin trong ngày', text: 'Bác sĩ trẻ về xã.', category: 'y-te', reason: 'one keyword in the text ("bác sĩ"); a second one, or one in the title, would file it' },
    { kind: 'an exclude phrase', title: 'Mạo danh ngân hàng để lừa đảo', text: '', category: 'kinh-te', reason: 'keywords "ngân hàng" stopped by the exclude phrase "lừa đảo"' },
    {
      kind: 'a tie won by a category listed before it',
      title: 'Kẻ trộm bệnh viện',
      text: '',
      category: 'y-te',
      reason: 'keywords "bệnh viện" weigh 3 (1 in the title), as much as a category listed before it in the config, which wins the tie',
    },
    {
      kind: 'another category weighing more',
      title: 'Bệnh viện bắt giữ kẻ trộm',
      text: '',
      category: 'y-te',
      reason: `keywords "bệnh viện" weigh 3 (1 in the title), less than another category's 6 (2 in the title)`,
    },
    {
      kind: 'a headline keyword in the setting, weighed as text',
      title: 'Bắt giữ kẻ trộm ở bệnh viện',
      text: '',
      category: 'y-te',
      reason: `one keyword in the text ("bệnh viện (in the headline's setting, weighed as text)"); a second one, or one in the title, would file it`,
    },
    {
      kind: 'foreign news',
      title: 'Cảnh sát Mỹ bắt giữ kẻ trộm',
      text: '',
      category: 'an-ninh-trat-tu',
      reason: 'keywords "bắt giữ", "trộm" not counted: foreign news (the headline names "Mỹ", and neither it nor the lead names Việt Nam or a Vietnamese authority)',
    },
  ])('names a near miss by $kind', ({ title, text, category, reason }) => {
    const explained = explain(title, text)[category]!;
    expect(explained.filedBy).toEqual([]);
    expect(explained.nearMisses.map((miss) => miss.reason)).toEqual([reason]);
  });

  it('tells a body’s own event named in the headline (ownEvents)', () => {
    const withOwnEvents = prepareRules(
      [...categories, { id: 'van-hoa-xa-hoi', title: 'Văn hóa - Xã hội', keywords: ['giải bóng đá'], ownEvents: { bodies: ['công an'], events: ['giải bóng đá'] } }],
      [makeSource('bao-tinh')],
    );
    const copy = makeCopy({ sourceId: 'bao-tinh', title: 'Công an tỉnh tổ chức giải bóng đá mừng ngày truyền thống', text: '' });
    const story: Story = { id: 'urn:uuid:o', categories: [], datePublished: '', dateModified: '', copies: [copy] };
    const culture = explainCategories(story, withOwnEvents)[3]!;
    expect(culture.filedBy).toEqual([]);
    expect(culture.nearMisses.map((miss) => miss.reason)).toEqual(['keywords "giải bóng đá" stopped: the headline names "công an" and its own event "giải bóng đá" (ownEvents)']);
  });

  it('tells which filing keywords were in the headline’s setting', () => {
    const filed = explain('Bác sĩ kể lại vụ trộm ở bệnh viện', '')['y-te']!.filedBy;
    expect(filed.map(({ detail }) => detail)).toEqual(["bác sĩ, bệnh viện (in the headline's setting, weighed as text)"]);
  });

  it('tells a beneficiary in the headline’s setting, which kept its headline weight', () => {
    const withBeneficiary = prepareRules([...categories, { id: 'van-hoa-xa-hoi', title: 'Văn hóa - Xã hội', keywords: ['tặng quà'], beneficiaries: ['hộ nghèo'] }], [makeSource('bao-tinh')]);
    const copy = makeCopy({ sourceId: 'bao-tinh', title: 'Bác sĩ tặng quà cho hộ nghèo ở bệnh viện', text: '' });
    const story: Story = { id: 'urn:uuid:b', categories: [], datePublished: '', dateModified: '', copies: [copy] };
    const culture = explainCategories(story, withBeneficiary).find((explanation) => explanation.id === 'van-hoa-xa-hoi')!;
    expect(culture.filedBy.map(({ detail }) => detail)).toEqual([
      "tặng quà, hộ nghèo (in the headline's setting, but whom the help is for: weighed as a headline keyword)",
    ]);
  });

  it('tells an agency’s name in the headline, weighed as text', () => {
    const withAgency = prepareRules([{ ...categories[0]!, agencies: ['CSGT'] }, ...categories.slice(1)], [makeSource('bao-tinh')]);
    const copy = makeCopy({ sourceId: 'bao-tinh', title: 'CSGT giúp cụ bà qua đường', text: '' });
    const story: Story = { id: 'urn:uuid:a', categories: [], datePublished: '', dateModified: '', copies: [copy] };
    const antt = explainCategories(story, withAgency)[0]!;
    expect(antt.filedBy).toEqual([]);
    expect(antt.nearMisses.map((miss) => miss.reason)).toEqual([`one keyword in the text ("CSGT (names who acts, weighed as text)"); a second one, or one in the title, would file it`]);
  });

  it('tells a frame word in the headline (the kind of event), weighed as text', () => {
    const withFrame = prepareRules([...categories, { id: 'chinh-tri', title: 'Chính trị', keywords: [], frames: ['hội nghị tổng kết'] }], [makeSource('bao-tinh')]);
    const copy = makeCopy({ sourceId: 'bao-tinh', title: 'Hội nghị tổng kết năm 2025', text: '' });
    const story: Story = { id: 'urn:uuid:f', categories: [], datePublished: '', dateModified: '', copies: [copy] };
    const politics = explainCategories(story, withFrame)[3]!;
    expect(politics.filedBy).toEqual([]);
    expect(politics.nearMisses.map((miss) => miss.reason)).toEqual([`one keyword in the text ("hội nghị tổng kết (names the kind of event, weighed as text)"); a second one, or one in the title, would file it`]);
  });

  it('names nothing for a category no keyword came near', () => {
    expect(explain('Bắt giữ kẻ trộm', '')['kinh-te']).toMatchObject({ filedBy: [], nearMisses: [] });
  });
});
