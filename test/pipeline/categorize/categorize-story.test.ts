import { describe, expect, it } from 'vitest';
import type { CategoryConfig, SourceConfig, Story } from '../../../src/model/types.ts';
import { categoryRulesFingerprint, createCategorizer, fileStory } from '../../../src/pipeline/categorize/categorize-story.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';

const categories: CategoryConfig[] = [
  { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'tai nạn giao thông', 'phòng cháy chữa cháy', 'chữa cháy', 'trộm', 'bắt giữ', 'tín dụng đen'], exclude: ['cháy vé'] },
  { id: 'y-te', title: 'Y tế', keywords: ['sốt xuất huyết', 'tiêm chủng', 'bệnh viện', 'bệnh nhân'] },
  { id: 'kinh-te', title: 'Kinh tế', keywords: ['OCOP', 'tín dụng'] },
];
const sources = [makeSource('cong-an', { categoryMap: { 'Tin an ninh - quốc phòng': 'an-ninh-trat-tu' } })];
const categorize = createCategorizer(categories, sources);

function storyOf(title: string, text = '', sourceCategories: string[] = []): Story {
  return { id: 'urn:uuid:x', categories: [], datePublished: '', dateModified: '', copies: [makeCopy({ sourceId: 'cong-an', title, text, sourceCategories })] };
}

const ids = (story: Story, using = categorize) => using(story).map((hit) => hit.id);

describe('createCategorizer', () => {
  it.each([
    { title: 'Bắt giữ đối tượng vận chuyển ma túy', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ đối tượng vận chuyển ma tuý', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ đối tượng vận chuyển ma túy'.normalize('NFD'), expected: ['an-ninh-trat-tu'] },
    { title: 'MA TÚY: cảnh báo mới', expected: ['an-ninh-trat-tu'] },
    { title: 'Làm gì thì làm, mà tùy người', expected: [] },
    { title: 'Diễn tập phòng cháy, chữa cháy tại chợ', expected: ['an-ninh-trat-tu'] },
    { title: 'Tăng cường tiêm chủng và phòng sốt xuất huyết', expected: ['y-te'] },
    { title: 'Sản phẩm ocop của xã Lạc Sơn', expected: ['kinh-te'] },
    { title: 'Tai nạn giao thông làm 2 người bị thương; tiêm chủng mở rộng', expected: ['an-ninh-trat-tu'] },
  ])('files "$title" under $expected', ({ title, expected }) => {
    expect(ids(storyOf(title))).toEqual(expected);
  });

  it('maps the source’s own category names under the folding rules', () => {
    expect(ids(storyOf('Hội nghị giao ban', '', ['TIN AN NINH - QUỐC PHÒNG']))).toEqual(['an-ninh-trat-tu']);
    expect(ids(storyOf('Hội nghị giao ban', '', ['Tin an ninh quốc phòng']))).toEqual(['an-ninh-trat-tu']);
  });
});

describe('the keyword rule', () => {
  it.each([
    { rule: 'one keyword in the title files the story', title: 'Bệnh viện tỉnh mở khoa mới', text: 'Khoa có 40 giường.', expected: ['y-te'] },
    { rule: 'one keyword in the text alone does not', title: 'Tin trong ngày', text: 'Bệnh nhân sốt cao được chuyển tuyến.', expected: [] },
    { rule: 'two distinct keywords in the text do', title: 'Tin trong ngày', text: 'Bệnh nhân sốt xuất huyết tăng ở xã Kim Bôi.', expected: ['y-te'] },
    { rule: 'the same keyword twice is one keyword', title: 'Tin trong ngày', text: 'Bệnh nhân đầu tiên ra viện.\nBệnh nhân thứ hai vẫn nằm lại.', expected: [] },
    { rule: 'a keyword inside a longer matched keyword counts once', title: 'Tin trong ngày', text: 'Tuyên truyền phòng cháy chữa cháy cho hộ kinh doanh.', expected: [] },
    { rule: 'a keyword inside a longer keyword of another category does not count', title: 'Tín dụng đen bủa vây công nhân', text: '', expected: ['an-ninh-trat-tu'] },
    { rule: 'an exclude phrase stops the category’s keywords', title: 'Chữa cháy cho phòng vé: phim hay cháy vé', text: '', expected: [] },
    { rule: 'the heavier category wins', title: 'Bắt giữ đối tượng trộm điện thoại tại bệnh viện', text: 'Đối tượng giả làm người nhà bệnh nhân.', expected: ['an-ninh-trat-tu'] },
    { rule: 'at equal weight, more title keywords win', title: 'Bệnh viện tỉnh nhận thiết bị mới', text: 'Kẻ trộm từng lấy máy cũ; công an đã bắt giữ đối tượng.', expected: ['y-te'] },
  ])('$rule', ({ title, text, expected }) => {
    expect(ids(storyOf(title, text))).toEqual(expected);
  });

  it('keeps a beneficiary\'s headline weight after a setting word, where other keywords weigh as text', () => {
    const rules: CategoryConfig[] = [
      { id: 'kinh-te', title: 'Kinh tế', keywords: ['bò giống'] },
      { id: 'van-hoa-xa-hoi', title: 'Văn hóa - Xã hội', keywords: ['học sinh nghèo'], beneficiaries: ['hộ nghèo'] },
    ];
    const using = createCategorizer(rules, sources);
    expect(ids(storyOf('Tặng bò giống cho hộ nghèo'), using)).toEqual(['kinh-te']);
    expect(ids(storyOf('Công an xã tặng quà cho hộ nghèo, học sinh nghèo'), using)).toEqual(['van-hoa-xa-hoi']);
    expect(ids(storyOf('Trao bò giống cho hộ nghèo và học sinh nghèo'), using)).toEqual(['van-hoa-xa-hoi']);
    expect(ids(storyOf('Hộ nghèo được hỗ trợ', 'Xã có 40 hộ nghèo.'), using)).toEqual(['van-hoa-xa-hoi']);
  });

  it('opens no setting at a setting word inside a keyword, at its start or further in', () => {
    const rules: CategoryConfig[] = [categories[1]!, { ...categories[0]!, keywords: [...categories[0]!.keywords!, 'cho mượn xe', 'giao xe cho người không đủ điều kiện'] }];
    const using = createCategorizer(rules, sources);
    // Y tế is listed first here: a tie is Y tế's, and a setting opened at "cho" would leave An ninh trật tự 1 against 3.
    expect(ids(storyOf('Bệnh nhân cho mượn xe'), using)).toEqual(['y-te']);
    expect(ids(storyOf('Trộm xe của bệnh nhân cho mượn xe'), using)).toEqual(['an-ninh-trat-tu']);
    expect(ids(storyOf('Giao xe cho người không đủ điều kiện chở bệnh nhân'), using)).toEqual(['y-te']);
    expect(ids(storyOf('Giao xe cho trẻ chở bệnh nhân'), using)).toEqual([]);
  });

  it('files a full tie under the category listed first in the config, whichever that is', () => {
    const reordered = createCategorizer([categories[1]!, categories[0]!, categories[2]!], sources);
    expect(ids(storyOf('Kẻ trộm bệnh viện'))).toEqual(['an-ninh-trat-tu']);
    expect(ids(storyOf('Kẻ trộm bệnh viện'), reordered)).toEqual(['y-te']);
  });

  it('reads the first 1,500 characters of the text, and only keywords wholly within them', () => {
    const filler = (characters: number) => 'dân '.repeat(characters / 4);
    const keywords = 'sốt xuất huyết bệnh nhân'; // two y-te keywords, 24 characters
    expect(ids(storyOf('Tin trong ngày', `${keywords}\n${filler(2_000)}`))).toEqual(['y-te']);
    expect(ids(storyOf('Tin trong ngày', `${filler(1_476)}${keywords}`))).toEqual(['y-te']);
    expect(ids(storyOf('Tin trong ngày', `${filler(1_480)}${keywords}`))).toEqual([]);
    expect(ids(storyOf('Tin trong ngày', `${filler(1_500)}${keywords}`))).toEqual([]);
  });

  it('never lets an exclude phrase stop a categoryMap hit', () => {
    expect(ids(storyOf('Phim bom tấn cháy vé', '', ['Tin an ninh - quốc phòng']))).toEqual(['an-ninh-trat-tu']);
  });

  it('lets a longer keyword cover its own category\'s exclude phrase at the same place, never another category\'s', () => {
    const rules: CategoryConfig[] = [
      { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['cháy', 'cháy hàng chục'], exclude: ['cháy hàng'] },
      { id: 'kinh-te', title: 'Kinh tế', keywords: ['ki-ốt', 'tiểu thương'], exclude: ['cháy hàng chục'] },
    ];
    const using = createCategorizer(rules, sources);
    // "cháy hàng" (sold out) stops An ninh trật tự; inside "cháy hàng chục" (a fire of dozens of …) it does not.
    expect(ids(storyOf('Cháy hàng chục ki-ốt ở chợ đêm'), using)).toEqual(['an-ninh-trat-tu']);
    expect(ids(storyOf('Cháy hàng áo dài trước Tết'), using)).toEqual([]);
    // Kinh tế's exclude is not covered by An ninh trật tự's keyword: its two headline keywords still file nothing.
    expect(ids(storyOf('Cháy hàng chục ki-ốt, tiểu thương lo lắng'), using)).toEqual(['an-ninh-trat-tu']);
  });
});

describe('what the headline’s shape says', () => {
  it.each([
    { kind: 'a keyword after "tại" is the setting', title: 'Kẻ trộm tại bệnh viện', expected: ['an-ninh-trat-tu'] },
    { kind: 'a keyword after "ở" is the setting', title: 'Sốt xuất huyết tăng ở khu trọ gần bệnh viện', expected: ['y-te'] },
    { kind: 'a keyword after "dịp" is the setting', title: 'Tiêm chủng cho trẻ dịp phòng chống ma túy', expected: ['y-te'] },
    { kind: 'a keyword after "do" names the cause', title: 'Bệnh nhân nhập viện do tai nạn giao thông', expected: ['y-te'] },
    { kind: 'a keyword after "phục vụ" names the purpose', title: 'Chữa cháy kho hàng phục vụ bệnh viện', expected: ['an-ninh-trat-tu'] },
    { kind: 'a keyword after "nơi" is the setting', title: 'Bệnh nhân nơi xảy ra tai nạn giao thông', expected: ['y-te'] },
    { kind: 'a keyword after "cho" names whom it is for', title: 'Tiêm chủng cho người nghiện ma túy', expected: ['y-te'] },
    { kind: 'a keyword after "trên" is where', title: 'Bệnh nhân được chở trên xe chở ma túy', expected: ['y-te'] },
    { kind: 'but "trên" before a number says "more than"', title: 'Phát hiện trên 20 ca sốt xuất huyết', expected: ['y-te'] },
    { kind: 'each setting word of a longer word opens nothing ("nơi ở")', title: 'Khám xét nơi ở của bệnh nhân trộm cắp', expected: ['an-ninh-trat-tu'] },
    { kind: 'a setting word inside a longer word opens nothing ("nhà ở")', title: 'Rà soát nhà ở có bệnh nhân dùng ma túy', expected: ['an-ninh-trat-tu'] },
    { kind: 'nor does one inside a word opening the headline ("lý do")', title: 'Lý do bệnh nhân dùng ma túy', expected: ['an-ninh-trat-tu'] },
    { kind: 'without a setting word the title weighs in full, and a tie goes to the category listed first', title: 'Kẻ trộm bệnh viện', expected: ['an-ninh-trat-tu'] },
  ])('$kind: "$title" → $expected', ({ title, expected }) => {
    expect(ids(storyOf(title))).toEqual(expected);
  });

  it.each([
    { title: 'Cảnh sát Mỹ bắt giữ nghi phạm trộm xe', lead: '', expected: [] },
    { title: 'Mỹ: tai nạn giao thông liên hoàn, 5 người chết', lead: '', expected: [] },
    { title: 'Hàn Quốc ghi nhận ca sốt xuất huyết đầu tiên', lead: '', expected: [] },
    { title: 'Bắt giữ kẻ trộm ở thủ đô Paris', lead: '', expected: [] },
    { title: 'Bắt giữ hai người Việt trộm hàng ở Nhật Bản', lead: 'Đại sứ quán Việt Nam đang bảo hộ công dân.', expected: ['an-ninh-trat-tu'] },
    { title: 'Dẫn độ đối tượng ma túy từ Lào về nước', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Sản phẩm OCOP xuất khẩu sang Mỹ', lead: '', expected: ['kinh-te'] },
    { title: 'Sản phẩm OCOP xuất khẩu sang Mỹ, Nhật Bản và Hàn Quốc', lead: '', expected: ['kinh-te'] },
    { title: 'Bắt giữ kẻ trộm ở xã Mỹ Thủy', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Tai nạn giao thông trên đường Nguyễn Minh Đức', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ kẻ trộm mỹ phẩm', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Anh hùng cứu người trong tai nạn giao thông', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Tai nạn giao thông, ông Đức và chị Mỹ bị thương', lead: '', expected: ['an-ninh-trat-tu'] },
    // A capital after a colon opens a new clause, not a longer name; a comma ends a name too.
    { title: 'Mỹ: Cháy rừng thiêu rụi hàng trăm ngôi nhà, lính cứu hỏa dốc sức chữa cháy', lead: '', expected: [] },
    { title: 'Nhật Bản: Động đất làm sập một bệnh viện', lead: '', expected: [] },
    { title: 'Nga, Ukraine cáo buộc nhau tấn công bệnh viện', lead: '', expected: [] },
    { title: 'Thị trường tín dụng: Mỹ siết cho vay mua nhà', lead: '', expected: [] },
    { title: 'Cảnh sát bắt băng trộm tranh ở bảo tàng châu Âu', lead: '', expected: [] },
    { title: 'Tín dụng tiêu dùng chững lại sau căng thẳng ở Trung Đông', lead: '', expected: [] },
    { title: 'Sản phẩm OCOP "tấn công" thị trường Trung Đông', lead: '', expected: ['kinh-te'] },
    { title: 'Sản phẩm OCOP "đi" Mỹ', lead: '', expected: ['kinh-te'] },
    { title: 'Sản phẩm OCOP có mặt ở siêu thị Nhật Bản', lead: '', expected: ['kinh-te'] },
    { title: 'Nắng nóng bao trùm châu Âu, Tây Ban Nha ghi nhận hàng trăm bệnh nhân sốc nhiệt', lead: '', expected: [] },
    // A person, a breed and a title are not the country their name spells.
    { title: 'Bệnh viện tỉnh cứu sống cô giáo Nga bị sốc phản vệ', lead: '', expected: ['y-te'] },
    { title: 'Thương binh Đức bị thương trong tai nạn giao thông', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ đối tượng trộm 20 con cá sấu Mỹ của trang trại', lead: '', expected: ['an-ninh-trat-tu'] },
    // A river or a street named after a country is a place here.
    { title: 'Bắt giữ kẻ trộm xe đạp ở bến sông Hàn', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ kẻ trộm ở phố Nhật', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Bắt giữ kẻ trộm xe đạp ở bến sông Thames', lead: '', expected: [] },
    { title: 'Hai binh sĩ Mỹ thiệt mạng trong tai nạn giao thông', lead: '', expected: [] },
    { title: 'Truy tặng danh hiệu Anh hùng lực lượng vũ trang cho chiến sĩ hy sinh khi bắt giữ tội phạm ma túy', lead: '', expected: ['an-ninh-trat-tu'] },
    // A foreign actor no Vietnamese word spells is foreign wherever it stands: opening the headline, after "ông".
    { title: 'Ông Trump siết tín dụng với doanh nghiệp thép', lead: '', expected: [] },
    { title: 'Apple bị điều tra vì tín dụng tiêu dùng', lead: '', expected: [] },
    { title: 'Tín dụng thắt chặt sau quyết định của OPEC+', lead: '', expected: [] },
    { title: 'Tín dụng cho doanh nghiệp bán hàng cho Apple', lead: 'Ngân hàng ở Bắc Ninh mở gói vay mới.', expected: ['kinh-te'] },
    { title: 'Bệnh viện tỉnh đưa vào dùng máy cộng hưởng từ 3 Tesla', lead: '', expected: ['y-te'] },
    // A world price quote is a market abroad; read against the home market it is anchored here.
    { title: 'Giá vàng thế giới kéo tín dụng tiêu dùng đi lên', lead: '', expected: [] },
    { title: 'Tín dụng trong nước chững lại theo giá vàng thế giới', lead: '', expected: ['kinh-te'] },
    // A market abroad that something enters is a destination; the market as the subject is foreign news.
    { title: 'Sản phẩm OCOP "chạm ngõ" thị trường Nhật', lead: '', expected: ['kinh-te'] },
    { title: 'Sản phẩm OCOP xuất khẩu vào thị trường Mỹ', lead: '', expected: ['kinh-te'] },
    { title: 'Tín dụng tiêu dùng ở thị trường Mỹ lao dốc', lead: '', expected: [] },
    // A delegation received is received here.
    { title: 'Lãnh đạo xã tiếp Đoàn doanh nghiệp Lào tìm hiểu sản phẩm OCOP', lead: '', expected: ['kinh-te'] },
    { title: 'Đoàn doanh nghiệp Lào tìm hiểu sản phẩm OCOP', lead: '', expected: [] },
    // Vietnamese people abroad are no Vietnamese authority; a disease named for a country is no foreign place.
    { title: 'Cảnh sát Nhật Bản bắt giữ hai người Việt trộm hàng', lead: 'Hai người quốc tịch Việt Nam lấy trộm mỹ phẩm để gửi về nước bán.', expected: [] },
    { title: 'Bắt giữ 5 thuyền viên Việt Nam ở Hàn Quốc', lead: '', expected: [] },
    { title: 'Bắt giữ 5 thuyền viên Việt Nam ở Hàn Quốc', lead: 'Bộ Ngoại giao đang bảo hộ công dân.', expected: ['an-ninh-trat-tu'] },
    // Protecting citizens abroad is a Vietnamese authority at work, with "Việt Nam" after "công dân" too.
    { title: 'Bảo hộ công dân Việt Nam bị bắt giữ ở Campuchia', lead: '', expected: ['an-ninh-trat-tu'] },
    { title: 'Cảnh sát Campuchia bắt giữ công dân Việt Nam', lead: '', expected: [] },
    { title: 'Tiêm chủng vắc xin viêm não Nhật Bản cho trẻ', lead: '', expected: ['y-te'] },
    // A province anchors only as a name: "cao bằng" (as high as) is none.
    { title: 'Cảnh sát Mỹ bắt giữ kẻ trộm', lead: 'Số hàng trộm chất cao bằng đầu người.', expected: [] },
    { title: 'Cảnh sát Mỹ bắt giữ kẻ trộm', lead: 'Nghi phạm là người Cao Bằng.', expected: ['an-ninh-trat-tu'] },
  ])('foreign news files nowhere unless something anchors it here: "$title" → $expected', ({ title, lead, expected }) => {
    expect(ids(storyOf(title, lead))).toEqual(expected);
  });

  it.each([
    { kind: 'a police unit alone in the headline files nothing', title: 'CSGT đẩy xe giúp người dân qua đoạn ngập', text: '', expected: [] },
    { kind: 'its act does', title: 'CSGT bắt giữ tài xế bỏ chạy', text: '', expected: ['an-ninh-trat-tu'] },
    { kind: 'a unit named in the headline and an act in the text weigh as two text keywords', title: 'Một ngày cùng CSGT', text: 'Tổ công tác bắt giữ hai xe chở hàng quá tải.', expected: ['an-ninh-trat-tu'] },
  ])('agencies: $kind', ({ title, text, expected }) => {
    const withAgencies = createCategorizer([{ ...categories[0]!, agencies: ['CSGT'] }, ...categories.slice(1)], sources);
    expect(ids(storyOf(title, text), withAgencies)).toEqual(expected);
  });

  it.each([
    { kind: 'a frame word alone in the headline files nothing', title: 'Hội nghị tổng kết năm 2025', text: '', expected: [] },
    { kind: 'a topic word in the headline outweighs a frame word and a text keyword of another category', title: 'Hội nghị tổng kết công tác tiêm chủng', text: 'Sở Y tế họp với ngành chính trị tỉnh.', expected: ['y-te'] },
    { kind: 'two frame words with nothing else file as two text keywords', title: 'Hội nghị tổng kết và kỷ niệm ngày thành lập', text: '', expected: ['chinh-tri'] },
  ])('frames: $kind', ({ title, text, expected }) => {
    const withFrames = createCategorizer(
      [...categories, { id: 'chinh-tri', title: 'Chính trị', keywords: ['chính trị'], frames: ['hội nghị tổng kết', 'kỷ niệm'] }],
      sources,
    );
    expect(ids(storyOf(title, text), withFrames)).toEqual(expected);
  });

  it.each([
    { kind: 'a one-word keyword ending a capitalised name is the name', title: 'Biển Bãi Cháy vào mùa đẹp nhất', expected: [] },
    { kind: 'the same word in its own sense files', title: 'Cháy nhà dân ở Bãi Cháy', expected: ['an-ninh-trat-tu'] },
    { kind: 'a capital after the headline’s opening word is no name', title: 'Giá Bitcoin lập đỉnh mới', expected: ['kinh-te'] },
    { kind: 'nor after a clause’s opening word', title: '(QN) - Giá Bitcoin lập đỉnh mới', expected: ['kinh-te'] },
    { kind: 'an acronym is no name', title: 'Công an tỉnh Bắc Ninh ANTT ổn định', expected: ['an-ninh-trat-tu'] },
    { kind: 'a headline in Title Case capitalises every word, names or not', title: 'Hà Nội: Kho Hàng Cháy Rụi', expected: ['an-ninh-trat-tu'] },
    { kind: 'a Title Case headline with no name', title: 'Bắt Kẻ Trộm Xe', expected: ['an-ninh-trat-tu'] },
    { kind: 'a name in a short headline is still a name', title: 'Tắm biển Bãi Cháy', expected: [] },
    { kind: 'a name in an NFD headline is still a name', title: 'Biển Bãi Cháy vào mùa đẹp nhất'.normalize('NFD'), expected: [] },
    { kind: 'a name in old tone placement is still a name', title: 'Đền Thanh Hoà mở cửa đón khách', expected: [] },
  ])('names: $kind: "$title" → $expected', ({ title, expected }) => {
    const withOneWord = createCategorizer(
      [
        { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['cháy', 'trộm', 'hòa', 'ANTT'] },
        { id: 'kinh-te', title: 'Kinh tế', keywords: ['bitcoin'] },
      ],
      sources,
    );
    expect(ids(storyOf(title), withOneWord)).toEqual(expected);
  });

  it.each([
    { kind: 'a body and its own event in the headline stop the category', title: 'Công an tỉnh tổ chức giải bóng đá mừng ngày truyền thống', text: '', expected: [] },
    { kind: 'the body doing something else does not', title: 'Công an tỉnh trao quà cho hộ nghèo', text: '', expected: ['van-hoa-xa-hoi'] },
    { kind: 'the event without the body does not', title: 'Xã tổ chức giải bóng đá thiếu niên', text: '', expected: ['van-hoa-xa-hoi'] },
    { kind: 'the body in the text only does not', title: 'Khai mạc giải bóng đá thiếu niên', text: 'Công an xã bảo đảm an ninh trận đấu.', expected: ['van-hoa-xa-hoi'] },
    { kind: 'another category is not stopped', title: 'Công an tỉnh tổ chức giải bóng đá, bắt giữ kẻ trộm vé', text: '', expected: ['an-ninh-trat-tu'] },
  ])('ownEvents: $kind', ({ title, text, expected }) => {
    const withOwnEvents = createCategorizer(
      [
        ...categories,
        { id: 'van-hoa-xa-hoi', title: 'Văn hóa - Xã hội', keywords: ['giải bóng đá', 'trao quà'], ownEvents: { bodies: ['công an'], events: ['giải bóng đá'] } },
      ],
      sources,
    );
    expect(ids(storyOf(title, text), withOwnEvents)).toEqual(expected);
  });

  it('still lets the operator’s map file foreign news', () => {
    expect(ids(storyOf('Cảnh sát Mỹ bắt giữ nghi phạm', '', ['Tin an ninh - quốc phòng']))).toEqual(['an-ninh-trat-tu']);
  });
});

describe('urlMap', () => {
  const mapped = (urlMap: Record<string, string>, url: string) => {
    const source = makeSource('bao-tinh', { urlMap });
    const story: Story = { id: 'urn:uuid:u', categories: [], datePublished: '', dateModified: '', copies: [makeCopy({ sourceId: 'bao-tinh', title: 'Tin trong ngày', url })] };
    return createCategorizer(categories, [source])(story);
  };

  it.each<{ case: string; urlMap: Record<string, string>; url: string; expected: string[] }>([
    { case: 'a link in the section', urlMap: { '/phap-luat/': 'an-ninh-trat-tu' }, url: 'https://baotinh.vn/phap-luat/bat-giu-123.html', expected: ['an-ninh-trat-tu'] },
    { case: 'a link outside it', urlMap: { '/phap-luat/': 'an-ninh-trat-tu' }, url: 'https://baotinh.vn/kinh-te/gia-lua-123.html', expected: [] },
    { case: '"/" for every item', urlMap: { '/': 'kinh-te' }, url: 'https://baotinh.vn/bat-ky/tin.html', expected: ['kinh-te'] },
    { case: 'a Vietnamese prefix against the percent-encoded link', urlMap: { '/pháp-luật/': 'an-ninh-trat-tu' }, url: 'https://baotinh.vn/ph%C3%A1p-lu%E1%BA%ADt/tin.html', expected: ['an-ninh-trat-tu'] },
    { case: 'the query string, which is not the path', urlMap: { '/tin': 'y-te' }, url: 'https://baotinh.vn/index.php?tin=1', expected: [] },
    { case: 'a prefix starting "//", which is a path, not a host', urlMap: { '//tin/': 'y-te' }, url: 'https://baotinh.vn/kinh-te/x.html', expected: [] },
    { case: 'two prefixes of one link', urlMap: { '/': 'kinh-te', '/phap-luat/': 'an-ninh-trat-tu' }, url: 'https://baotinh.vn/phap-luat/x.html', expected: ['an-ninh-trat-tu', 'kinh-te'] },
  ])('$case', ({ urlMap, url, expected }) => {
    expect(mapped(urlMap, url).map((hit) => hit.id)).toEqual(expected);
  });
});

describe('fileStory', () => {
  it('remembers each category’s rule, what matched and the copy that filed it', () => {
    const source = makeSource('bao-tinh', { categoryMap: { 'Sức khỏe': 'y-te' }, urlMap: { '/phap-luat/': 'an-ninh-trat-tu' } });
    const copy = makeCopy({ sourceId: 'bao-tinh', title: 'Sản phẩm OCOP lên sàn', url: 'https://baotinh.vn/phap-luat/a.html', sourceCategories: ['SỨC KHỎE'] });
    const story: Story = { id: 'urn:uuid:f', categories: [], datePublished: '', dateModified: '', copies: [copy] };
    fileStory(story, createCategorizer(categories, [source]));
    expect(story.categories).toEqual(['an-ninh-trat-tu', 'y-te', 'kinh-te']);
    expect(story.filedBy).toEqual({
      'an-ninh-trat-tu': { rule: 'urlMap', detail: '/phap-luat/', sourceId: 'bao-tinh', url: copy.url },
      'y-te': { rule: 'categoryMap', detail: 'Sức khỏe', sourceId: 'bao-tinh', url: copy.url },
      'kinh-te': { rule: 'keyword', detail: 'OCOP', sourceId: 'bao-tinh', url: copy.url },
    });
  });

  it('remembers the operator’s mapping over a keyword of another copy', () => {
    const keywordCopy = makeCopy({ sourceId: 'cong-an', title: 'Bắt giữ đối tượng trộm xe', key: 'guid:1' });
    const mappedCopy = makeCopy({ sourceId: 'cong-an', title: 'Một vụ việc', key: 'guid:2', sourceCategories: ['Tin an ninh - quốc phòng'] });
    const story: Story = { id: 'urn:uuid:g', categories: [], datePublished: '', dateModified: '', copies: [keywordCopy, mappedCopy] };
    fileStory(story, categorize);
    expect(story.filedBy?.['an-ninh-trat-tu']).toMatchObject({ rule: 'categoryMap', detail: 'Tin an ninh - quốc phòng', url: mappedCopy.url });
  });
});

describe('categoryRulesFingerprint', () => {
  const base = categoryRulesFingerprint(categories, sources);
  it.each<{ change: string; categories: CategoryConfig[]; sources: SourceConfig[] }>([
    { change: 'an exclude phrase', categories: [{ ...categories[0]!, exclude: ['cháy vé', 'cháy hàng'] }, ...categories.slice(1)], sources },
    { change: 'a keyword', categories: [{ ...categories[0]!, keywords: ['ma túy'] }, ...categories.slice(1)], sources },
    { change: 'a urlMap entry', categories, sources: [{ ...sources[0]!, urlMap: { '/phap-luat/': 'an-ninh-trat-tu' } }] },
    { change: 'a categoryMap entry', categories, sources: [{ ...sources[0]!, categoryMap: {} }] },
  ])('changes with $change', (changed) => {
    expect(categoryRulesFingerprint(changed.categories, changed.sources)).not.toBe(base);
  });

  it('stays the same for the same rules', () => {
    expect(categoryRulesFingerprint(structuredClone(categories), structuredClone(sources))).toBe(base);
  });
});
