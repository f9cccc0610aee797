/**
 * Word lists and sentence templates for synthetic provincial news, written for the bench. Places,
 * people and figures are invented; `{slot}` placeholders are filled per story (see write-article.ts).
 */

export const COMMUNES = [
  'Yên Thủy', 'Mai Hạ', 'Tân Hòa', 'Kỳ Sơn', 'Đà Bắc', 'Kim Bôi', 'Lạc Sơn', 'Cao Phong', 'Lương Sơn', 'Tân Lạc',
  'Mường Khến', 'Phú Cường', 'Thống Nhất', 'Hữu Nghị', 'Quy Đức', 'Tú Lý', 'Cuối Hạ', 'Nam Thượng', 'Bình Thanh', 'Dũng Phong',
  'Thung Nai', 'Bắc Phong', 'Ngọc Lâu', 'Quyết Thắng', 'Thịnh Lang', 'Chi Nê', 'Ba Hàng Đồi', 'Hợp Thành', 'Liên Sơn', 'Cư Yên',
  'Tiền Phong', 'Mường Chiềng', 'Vầy Nưa', 'Đồng Tâm', 'Lạc Lương', 'Vĩnh Đồng', 'Nật Sơn', 'Xuân Thủy', 'Tân Minh', 'Pà Cò',
];

export const COMMUNE_KINDS = ['xã', 'xã', 'xã', 'phường', 'thị trấn'];

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Bùi', 'Đinh', 'Quách', 'Xa', 'Hà', 'Đặng', 'Vũ', 'Sa', 'Lò', 'Triệu'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Công', 'Đức', 'Minh', 'Hữu', 'Thanh', 'Quang', 'Ngọc', 'Xuân'];
export const INITIALS = ['A', 'B', 'C', 'D', 'Đ', 'H', 'K', 'L', 'M', 'N', 'P', 'Q', 'S', 'T', 'V', 'X'];

export const POLICE_UNITS = [
  'Công an xã {noi}', 'Phòng Cảnh sát điều tra tội phạm về ma túy', 'Phòng Cảnh sát giao thông', 'Phòng Cảnh sát hình sự',
  'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Đội Cảnh sát giao thông số {so}', 'Phòng An ninh kinh tế',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
];

export const AGENCIES = [
  'Sở Nông nghiệp và Môi trường', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính',
  'Sở Công Thương', 'Sở Xây dựng', 'Sở Nội vụ', 'Ban Dân tộc tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Nông dân tỉnh',
  'Tỉnh đoàn', 'Hội Liên hiệp Phụ nữ tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'UBND xã {noi}', 'Đảng ủy xã {noi}',
];

export const PRODUCTS = ['cam Cao Phong', 'bưởi đỏ Tân Lạc', 'mía tím', 'gạo nếp Mường', 'mật ong bạc hà', 'chè shan tuyết', 'măng khô', 'rượu cần', 'thịt lợn bản', 'nấm sò'];
export const FESTIVALS = ['lễ hội Khai hạ', 'lễ hội Xên bản', 'ngày hội văn hóa các dân tộc', 'lễ hội cầu mưa', 'hội xuân Mường Bi', 'lễ mừng cơm mới'];
export const DISEASES = ['sốt xuất huyết', 'bệnh sởi', 'tay chân miệng', 'cúm A', 'bệnh dại', 'thủy đậu'];
export const SCHOOLS = ['Trường THCS {noi}', 'Trường Tiểu học {noi}', 'Trường Mầm non {noi}', 'Trường PTDTBT THCS {noi}', 'Trường THPT {noi}'];

/** Per category: the source's own section names, headlines, leads and detail sentences. */
export interface CategoryTemplates {
  id: string;
  sections: readonly string[];
  titles: readonly string[];
  leads: readonly string[];
  details: readonly string[];
  closers: readonly string[];
}

export const CATEGORIES: readonly CategoryTemplates[] = [
  {
    id: 'an-ninh-trat-tu',
    sections: ['An ninh trật tự', 'Pháp luật', 'Phòng chống ma túy', 'An toàn giao thông'],
    titles: [
      'Bắt giữ {so} đối tượng vận chuyển trái phép chất ma túy tại {noi}',
      'Triệt phá đường dây mua bán ma túy, thu giữ {so2} gam heroin ở {noi}',
      'Khởi tố {so} bị can về tội lừa đảo chiếm đoạt tài sản {tien}',
      'Xét xử {so} bị cáo trong vụ đánh bạc quy mô lớn tại {noi}',
      'Tai nạn giao thông trên Quốc lộ {ql} khiến {so} người bị thương',
      'Cháy nhà dân ở {noi}, thiệt hại khoảng {tien}',
      'Bắt quả tang {nguoi} trộm cắp tài sản tại chợ {noi}',
      'Xử lý {so2} trường hợp vi phạm nồng độ cồn trên địa bàn {noi}',
    ],
    leads: [
      'Khoảng {gio} giờ {ngay}, tại khu vực {noi}, tổ công tác của {donvi} phát hiện, bắt quả tang {nguoi} (sinh năm {nam}, trú tại {noi2}) đang có hành vi vi phạm pháp luật.',
      '{Ngay}, {donvi} cho biết đã khởi tố vụ án, khởi tố {so} bị can, trong đó {nguoi} (sinh năm {nam}) là đối tượng cầm đầu.',
      'Chiều {ngay}, trên Quốc lộ {ql} đoạn qua {noi}, xe ô tô tải mang biển kiểm soát {bienso} va chạm với xe máy do {nguoi} (sinh năm {nam}) điều khiển.',
      'Rạng sáng {ngay}, một vụ cháy xảy ra tại nhà {nguoi} ở {noi}; lực lượng chữa cháy điều động {so} xe và {so3} cán bộ, chiến sĩ đến hiện trường.',
    ],
    details: [
      'Tang vật thu giữ gồm {so2} gam heroin, {so3} viên ma túy tổng hợp, {so} xe máy và {so4} điện thoại di động.',
      'Theo cáo trạng, từ tháng {thang} đến tháng {thang2}, nhóm đối tượng đã chiếm đoạt tổng cộng {tien} của {so3} bị hại.',
      'Vụ tai nạn khiến {so} người bị thương nặng, được đưa đi cấp cứu tại Bệnh viện đa khoa {noi2}.',
      'Tại cơ quan công an, {nguoi} khai nhận toàn bộ hành vi phạm tội và số hàng trên được mua về để bán kiếm lời.',
      'Đám cháy thiêu rụi {so4} gian nhà cùng nhiều tài sản, ước thiệt hại khoảng {tien}.',
      'Hội đồng xét xử tuyên phạt bị cáo {nguoi} {so} năm tù, các bị cáo còn lại lĩnh từ {so4} đến {so5} năm tù.',
    ],
    closers: [
      'Vụ việc đang được cơ quan chức năng tiếp tục điều tra, xử lý theo quy định của pháp luật.',
      'Công an tỉnh khuyến cáo người dân nâng cao cảnh giác, kịp thời trình báo khi phát hiện hành vi vi phạm.',
      'Cơ quan Cảnh sát điều tra đang củng cố hồ sơ để xử lý nghiêm các đối tượng.',
    ],
  },
  {
    id: 'chinh-tri',
    sections: ['Thời sự - Chính trị', 'Thời sự', 'Xây dựng Đảng'],
    titles: [
      'Hội nghị Ban Chấp hành Đảng bộ {noi} lần thứ {so}',
      'Kỳ họp thứ {so} Hội đồng nhân dân {noi} thông qua {so2} nghị quyết',
      'Đảng ủy {noi} tổng kết công tác xây dựng Đảng năm {namnay}',
      'Bí thư Tỉnh ủy làm việc với Ban Thường vụ Đảng ủy {noi}',
    ],
    leads: [
      '{Ngay}, Đảng ủy {noi} tổ chức hội nghị lần thứ {so} nhằm đánh giá kết quả thực hiện nhiệm vụ chính trị {thang2} tháng đầu năm.',
      'Sáng {ngay}, Hội đồng nhân dân {noi} khai mạc kỳ họp thứ {so} với sự tham dự của {so3} đại biểu.',
      'Ngày {ngayso}, đoàn công tác của Ban Thường vụ Tỉnh ủy do đồng chí {nguoi} dẫn đầu đã làm việc tại {noi}.',
    ],
    details: [
      'Năm {namnay}, toàn Đảng bộ kết nạp được {so3} đảng viên mới, đạt {phantram}% kế hoạch đề ra.',
      'Kỳ họp đã xem xét, thông qua {so2} nghị quyết quan trọng về phát triển kinh tế - xã hội và dự toán ngân sách.',
      'Tổng thu ngân sách trên địa bàn ước đạt {tien}, tăng {phantram}% so với cùng kỳ.',
      'Hội nghị thống nhất {so} nhóm nhiệm vụ, giải pháp trọng tâm cho những tháng cuối năm.',
    ],
    closers: [
      'Hội nghị đề nghị các cấp ủy, chính quyền tiếp tục đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ.',
      'Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn của địa phương.',
    ],
  },
  {
    id: 'kinh-te',
    sections: ['Kinh tế', 'Nông nghiệp', 'Kinh tế - Xã hội'],
    titles: [
      'Nông dân {noi} thu hoạch {sanpham}, năng suất đạt {so2} tạ/ha',
      '{noi} có thêm {so} sản phẩm OCOP đạt 3 sao',
      'Hợp tác xã ở {noi} liên kết tiêu thụ {so3} tấn {sanpham}',
      'Doanh nghiệp đầu tư {tien} xây dựng nhà máy tại {noi}',
    ],
    leads: [
      'Những ngày này, bà con nông dân {noi} đang tập trung thu hoạch {sanpham} vụ mùa năm {namnay}.',
      '{Ngay}, UBND {noi} tổ chức công bố {so} sản phẩm đạt chuẩn OCOP, trong đó có {sanpham} của hợp tác xã {noi2}.',
      'Theo {coquan}, toàn {noi} hiện có {so3} ha {sanpham}, sản lượng ước đạt {so4} nghìn tấn.',
    ],
    details: [
      'Giá bán tại vườn dao động từ {so4} nghìn đến {so5} nghìn đồng/kg, cao hơn năm trước.',
      'Hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với {so} doanh nghiệp, giải quyết việc làm cho {so3} lao động.',
      'Năng suất bình quân đạt {so2} tạ/ha, tổng giá trị sản xuất ước đạt {tien}.',
      'Dự án có tổng vốn đầu tư {tien}, dự kiến đi vào hoạt động trong quý {quy} năm sau.',
    ],
    closers: [
      'Địa phương tiếp tục hỗ trợ người dân áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP.',
      'Ngành nông nghiệp khuyến cáo bà con không mở rộng diện tích ồ ạt, chú trọng chất lượng sản phẩm.',
    ],
  },
  {
    id: 'van-hoa-xa-hoi',
    sections: ['Văn hoá - Xã hội', 'Văn hóa', 'Xã hội', 'Du lịch'],
    titles: [
      'Khai mạc {lehoi} tại {noi}',
      '{noi} trao {so3} suất quà cho hộ nghèo, gia đình chính sách',
      'Bảo tồn nghề dệt thổ cẩm của đồng bào dân tộc ở {noi}',
      'Phát triển du lịch cộng đồng gắn với bản sắc văn hóa tại {noi}',
    ],
    leads: [
      'Tối {ngay}, tại sân vận động trung tâm {noi}, UBND {noi} long trọng khai mạc {lehoi} năm {namnay}.',
      '{Ngay}, {coquan} phối hợp với {noi} tổ chức trao {so3} suất quà cho các hộ có hoàn cảnh khó khăn.',
      'Những năm gần đây, nghệ nhân {nguoi} ở {noi} đã truyền dạy nghề truyền thống cho {so3} học viên.',
    ],
    details: [
      'Mỗi suất quà trị giá {so4}0.000 đồng, gồm gạo, dầu ăn, chăn ấm và tiền mặt.',
      'Chương trình có sự tham gia của {so2} đội văn nghệ, {so3} vận động viên đến từ các xã trong tỉnh.',
      'Năm {namnay}, {noi} đón khoảng {so3} nghìn lượt khách, doanh thu từ du lịch đạt {tien}.',
    ],
    closers: [
      'Hoạt động góp phần giữ gìn, phát huy giá trị văn hóa truyền thống của đồng bào các dân tộc.',
      'Chương trình thể hiện tinh thần tương thân tương ái, không để ai bị bỏ lại phía sau.',
    ],
  },
  {
    id: 'giao-duc',
    sections: ['Giáo dục', 'Giáo dục - Đào tạo'],
    titles: [
      '{truong} đón nhận bằng công nhận đạt chuẩn quốc gia',
      'Trao {so3} suất học bổng cho học sinh nghèo vượt khó ở {noi}',
      '{noi} có {so2} học sinh đạt giải học sinh giỏi cấp tỉnh',
      'Sửa chữa {so} phòng học xuống cấp trước năm học mới tại {noi}',
    ],
    leads: [
      '{Ngay}, {truong} tổ chức lễ đón nhận bằng công nhận trường đạt chuẩn quốc gia mức độ {so}.',
      'Năm học {namnay}, toàn {noi} có {so3} học sinh, {so4} giáo viên ở {so2} điểm trường.',
      '{Ngay}, {coquan} trao {so3} suất học bổng cho học sinh có hoàn cảnh khó khăn tại {noi}.',
    ],
    details: [
      'Tỷ lệ học sinh hoàn thành chương trình tiểu học đạt {phantram}%, tăng so với năm học trước.',
      'Nhà trường được đầu tư {tien} để xây mới {so} phòng học và mua sắm thiết bị dạy học.',
      'Mỗi suất học bổng trị giá {so4} triệu đồng, kèm theo sách vở và đồ dùng học tập.',
    ],
    closers: [
      'Ngành giáo dục tiếp tục thực hiện chương trình giáo dục phổ thông mới, nâng cao chất lượng dạy và học.',
      'Nhà trường cam kết duy trì và nâng cao các tiêu chí trường chuẩn trong những năm tiếp theo.',
    ],
  },
  {
    id: 'y-te',
    sections: ['Y tế', 'Sức khỏe'],
    titles: [
      '{noi} ghi nhận {so2} ca mắc {benh} trong tuần',
      'Khám bệnh, cấp thuốc miễn phí cho {so3} người dân {noi}',
      'Tiêm chủng vắc xin phòng {benh} cho {so3} trẻ em ở {noi}',
      'Trạm y tế {noi} được đầu tư {tien} nâng cấp cơ sở vật chất',
    ],
    leads: [
      'Theo Trung tâm Kiểm soát bệnh tật tỉnh, trong tuần qua {noi} ghi nhận {so2} ca mắc {benh}, tăng {so} ca so với tuần trước.',
      '{Ngay}, Trung tâm Y tế {noi} phối hợp tổ chức khám bệnh, cấp thuốc miễn phí cho {so3} người dân.',
      'Từ ngày {ngayso}, ngành y tế {noi} triển khai chiến dịch tiêm vắc xin phòng {benh} cho trẻ em.',
    ],
    details: [
      'Lũy kế từ đầu năm, toàn tỉnh ghi nhận {so3} ca mắc, chưa có trường hợp tử vong.',
      'Các bác sĩ đã khám, tư vấn sức khỏe và cấp thuốc trị giá {tien} cho người dân.',
      'Ngành y tế đã xử lý {so} ổ dịch, phun hóa chất diệt muỗi tại {so4} hộ gia đình.',
    ],
    closers: [
      'Ngành y tế khuyến cáo người dân chủ động phòng bệnh, đến cơ sở y tế khi có dấu hiệu bất thường.',
      'Hoạt động góp phần chăm sóc sức khỏe ban đầu cho người dân vùng sâu, vùng xa.',
    ],
  },
];

/** Short phrases that make up the body's background sentences, shared by many stories like stock phrases. */
export const PHRASES = [
  'thời gian qua', 'trên địa bàn tỉnh', 'các cấp, các ngành', 'đã tích cực triển khai', 'nhiều giải pháp đồng bộ',
  'nhằm nâng cao hiệu quả', 'công tác tuyên truyền', 'đến từng thôn, bản', 'người dân đồng tình hưởng ứng', 'kết quả bước đầu',
  'tuy nhiên vẫn còn', 'một số khó khăn, hạn chế', 'do địa hình chia cắt', 'nguồn lực còn hạn chế', 'trong những tháng cuối năm',
  'địa phương sẽ tập trung', 'chỉ đạo quyết liệt', 'phối hợp chặt chẽ', 'với các lực lượng chức năng', 'kiểm tra, giám sát thường xuyên',
  'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'chuyển đổi số', 'cải cách hành chính', 'thu hút đầu tư',
  'bảo vệ môi trường', 'phòng chống thiên tai', 'mùa mưa lũ', 'sạt lở đất', 'đường giao thông nông thôn',
  'hệ thống thủy lợi', 'nước sạch sinh hoạt', 'nhà văn hóa thôn', 'đồng bào dân tộc Mường', 'đồng bào dân tộc Thái',
  'đồng bào dân tộc Dao', 'vùng đặc biệt khó khăn', 'các hộ cận nghèo', 'lao động nông thôn', 'đào tạo nghề',
  'ứng dụng khoa học kỹ thuật', 'sản xuất hàng hóa', 'chuỗi giá trị', 'thị trường tiêu thụ', 'giá cả ổn định',
  'ý thức chấp hành pháp luật', 'an ninh trật tự được giữ vững', 'tội phạm giảm so với cùng kỳ', 'tai nạn giao thông giảm cả ba tiêu chí', 'phong trào toàn dân bảo vệ an ninh Tổ quốc',
  'mô hình tự quản', 'tổ an ninh cơ sở', 'camera giám sát', 'đường dây nóng', 'ứng dụng định danh điện tử',
  'thủ tục hành chính', 'dịch vụ công trực tuyến', 'mức độ hài lòng', 'cán bộ, công chức', 'kỷ luật, kỷ cương',
  'chất lượng khám chữa bệnh', 'y tế cơ sở', 'bảo hiểm y tế', 'tỷ lệ bao phủ', 'phòng chống dịch bệnh',
  'học sinh vùng cao', 'bữa ăn bán trú', 'đội ngũ giáo viên', 'cơ sở vật chất trường học', 'thiết bị dạy học',
  'lễ hội truyền thống', 'bản sắc văn hóa', 'du lịch cộng đồng', 'homestay', 'sản phẩm du lịch đặc trưng',
  'nghề thủ công truyền thống', 'thổ cẩm', 'cồng chiêng', 'dân ca Mường', 'văn hóa ẩm thực',
  'các tổ chức chính trị - xã hội', 'Mặt trận Tổ quốc', 'Hội Cựu chiến binh', 'Đoàn Thanh niên', 'Hội Phụ nữ',
  'nguồn vốn ưu đãi', 'Ngân hàng Chính sách xã hội', 'vay vốn sản xuất', 'phát triển kinh tế hộ', 'thoát nghèo',
  'trồng rừng sản xuất', 'chăm sóc, bảo vệ rừng', 'phòng cháy rừng', 'diện tích che phủ', 'keo, bồ đề',
  'chăn nuôi trâu bò', 'nuôi cá lồng', 'trên lòng hồ sông Đà', 'vùng nguyên liệu', 'sản phẩm chủ lực',
  'hạ tầng giao thông', 'giải phóng mặt bằng', 'tiến độ thi công', 'chất lượng công trình', 'giải ngân vốn đầu tư công',
  'cơ bản hoàn thành', 'vượt kế hoạch đề ra', 'đạt và vượt chỉ tiêu', 'tăng so với cùng kỳ năm trước', 'đạt kết quả tích cực',
];

/** How background sentences open and join their phrases. */
export const SENTENCE_FRAMES = [
  '{p}, {p} {p} {p}.', 'Bên cạnh đó, {p} {p}, {p}.', 'Theo đánh giá, {p} {p} {p}.', 'Đặc biệt, {p} {p} {p} {p}.',
  'Ngoài ra, {p} {p}.', 'Trong thời gian tới, {p} {p} {p}.', 'Qua đó, {p} {p}, {p} {p}.', 'Đến nay, {p} {p} {p}.',
  'Thực hiện chủ trương của tỉnh, {p} {p} {p}.', 'Nhờ vậy, {p} {p}.',
];

/** Portals' site tags before the lead, and their bylines (stripped by the matcher). */
export const SITE_TAGS = ['(Baohoabinh.vn) - ', 'HBĐT - ', '(PTTH) - ', 'TTXVN - ', ''];
export const BYLINES = ['Minh Anh', 'Hồng Hạnh', 'Thu Hà', 'Quang Huy', 'Bùi Minh', 'Đinh Thắng', 'Lê Chung'];

/** Kinds of portals a province has, with how many items a day each posts. */
export const PORTAL_KINDS = [
  { slug: 'cong-huyen', name: 'Cổng thông tin điện tử huyện', perDay: [2, 6] },
  { slug: 'cong-xa', name: 'Trang thông tin điện tử xã', perDay: [1, 3] },
  { slug: 'so', name: 'Cổng thông tin', perDay: [2, 5] },
  { slug: 'bao', name: 'Báo', perDay: [25, 45] },
  { slug: 'cong-an', name: 'Công an', perDay: [5, 12] },
  { slug: 'dai', name: 'Đài Phát thanh và Truyền hình', perDay: [10, 20] },
] as const;

/** Two-syllable words strung into the body's own sentences, so most of a story's text is its own. */
export const WORDS = (
  'phát triển,kinh tế,xã hội,nhân dân,cán bộ,chiến sĩ,địa phương,chính quyền,đơn vị,lực lượng,' +
  'kế hoạch,nhiệm vụ,giải pháp,kết quả,hiệu quả,chất lượng,tiến độ,công trình,dự án,nguồn vốn,' +
  'ngân sách,đầu tư,hỗ trợ,chính sách,đối tượng,hộ nghèo,gia đình,thanh niên,phụ nữ,học sinh,' +
  'giáo viên,bác sĩ,bệnh nhân,trạm xá,bệnh viện,trường học,lớp học,sân chơi,nhà ở,đường sá,' +
  'cầu cống,kênh mương,đồng ruộng,nương rẫy,cây trồng,vật nuôi,giống mới,phân bón,thuốc trừ,sâu bệnh,' +
  'thời tiết,mưa lớn,nắng nóng,rét đậm,lũ quét,sạt lở,cứu hộ,di dời,khắc phục,thiệt hại,' +
  'kiểm tra,giám sát,xử lý,vi phạm,hành chính,tuần tra,kiểm soát,phát hiện,ngăn chặn,đấu tranh,' +
  'tội phạm,ma túy,cờ bạc,trộm cắp,lừa đảo,tang vật,phương tiện,xe máy,ô tô,điện thoại,' +
  'tuyên truyền,vận động,hướng dẫn,tập huấn,bồi dưỡng,đào tạo,nâng cao,nhận thức,trách nhiệm,ý thức,' +
  'phối hợp,thống nhất,triển khai,thực hiện,hoàn thành,đánh giá,tổng kết,sơ kết,rút kinh nghiệm,đề xuất,' +
  'kiến nghị,giải quyết,khiếu nại,tố cáo,tiếp dân,đối thoại,lắng nghe,chia sẻ,đồng hành,động viên,' +
  'khen thưởng,biểu dương,tập thể,cá nhân,thành tích,xuất sắc,tiêu biểu,gương mẫu,điển hình,lan tỏa,' +
  'văn hóa,thể thao,du lịch,lễ hội,di tích,danh thắng,bản làng,thôn xóm,nhà sàn,bếp lửa,' +
  'thổ cẩm,khèn bè,cồng chiêng,hát ví,hát đúm,múa xòe,ẩm thực,đặc sản,hương vị,truyền thống,' +
  'hợp tác,liên kết,doanh nghiệp,thị trường,tiêu thụ,giá cả,sản lượng,năng suất,thu nhập,lợi nhuận,' +
  'điện lưới,nước sạch,vệ sinh,môi trường,rác thải,xử lý,tái chế,cây xanh,rừng phòng hộ,đất đai,' +
  'quy hoạch,giải phóng,mặt bằng,bồi thường,tái định cư,cấp phép,thủ tục,hồ sơ,giấy tờ,chứng nhận,' +
  'số hóa,trực tuyến,ứng dụng,phần mềm,dữ liệu,kết nối,hạ tầng,viễn thông,internet,thanh toán,' +
  'tiêm chủng,khám bệnh,điều trị,phòng bệnh,dinh dưỡng,sức khỏe,cấp cứu,thuốc men,y bác sĩ,dịch tễ,' +
  'an toàn,trật tự,bình yên,ổn định,vững chắc,kiên quyết,nghiêm túc,kịp thời,chủ động,linh hoạt,' +
  'buổi sáng,buổi chiều,cuối tuần,đầu năm,cuối năm,mùa vụ,mùa mưa,mùa khô,tháng trước,tuần qua,' +
  'mái trường,con em,phụ huynh,cộng đồng,bà con,già làng,trưởng bản,người uy tín,hội viên,đoàn viên,' +
  'nông thôn,miền núi,vùng cao,biên giới,lòng hồ,thung lũng,sườn đồi,bờ suối,ven sông,trung tâm,' +
  'tích cực,khẩn trương,đồng bộ,toàn diện,bền vững,lâu dài,trước mắt,cụ thể,thiết thực,rõ rệt'
).split(',');
