import { BULK_WRITE_CONTEXT, currentSchoolYear, type WorkflowState } from '@truongso/payload-plugin'
import type { PostSection } from '@truongso/snapshot'
import { fullSchoolName, levelFromName, nameInitials, type School } from '@truongso/registry'
import type { PayloadRequest } from 'payload'

import { seedSchoolPdf, seedSchoolPictures } from './demoImages.ts'
import { seedDepartment } from './departments.ts'
import { lexicalParagraphs } from './lexical.ts'

/** Seeded writes bypass the workflow guard the way the workflow itself does, and build no site each (the seed builds them all). */
const TRUSTED = BULK_WRITE_CONTEXT

type PostSeed = {
  title: string
  section: PostSection
  summary: string
  body: string[]
  tags: string[]
  /** Demo pictures by scene (seed/demoImages.ts). */
  cover?: string
  gallery?: string[]
  /** Posts of the Văn bản section: number, issuer, date, and a PDF attached. */
  document?: { number: string; issuer: string; issuedDate: string }
}

/** "TH Lê Độ" → "THLĐ": the school's part of a document's number (số, ký hiệu). */
const abbreviation = (name: string) => `${(levelFromName(name) ?? '').replace('-', '')}${nameInitials(name)}`

function postsFor(school: School, year: string): PostSeed[] {
  const preschool = school.template === 'preschool'
  const [y1] = year.split('-')
  const grade = preschool ? 'trẻ 5 tuổi' : school.level === 'THCS' ? 'lớp 6' : 'lớp 1'
  return [
    {
      title: `Thông báo tuyển sinh ${grade} năm học ${year}`,
      section: 'thong-bao',
      summary: `${school.name} thông báo kế hoạch tuyển sinh ${grade}, hồ sơ và thời gian nhận hồ sơ.`,
      body: [
        `Căn cứ kế hoạch tuyển sinh của Phòng GDĐT Hội An, ${school.name} thông báo tuyển sinh ${grade} năm học ${year}.`,
        'Hồ sơ gồm: đơn xin nhập học, bản sao giấy khai sinh, giấy xác nhận cư trú. Thời gian nhận hồ sơ: từ 01/7 đến 15/7, trong giờ hành chính.',
      ],
      tags: ['tuyển sinh'],
    },
    {
      title: `Lịch nghỉ Tết Nguyên đán và kế hoạch học kì II`,
      section: 'thong-bao',
      summary: 'Nhà trường thông báo lịch nghỉ Tết và thời gian đi học trở lại.',
      body: ['Học sinh nghỉ Tết Nguyên đán theo quyết định của UBND tỉnh. Phụ huynh lưu ý đưa đón con đúng giờ khi đi học trở lại.'],
      tags: ['lịch học'],
    },
    {
      title: `Tuyên truyền phòng chống đuối nước cho học sinh mùa hè ${Number(y1) + 1}`,
      section: 'thong-bao',
      summary: 'Phổ biến kiến thức an toàn khi bơi lội, tắm biển và sông nước.',
      body: ['Nhà trường phối hợp với Đội TNTP tổ chức tuyên truyền phòng chống đuối nước, hướng dẫn kỹ năng an toàn khi tắm biển Cửa Đại, An Bàng.'],
      tags: ['an toàn', 'pháp luật'],
    },
    {
      title: preschool ? 'Chuyên đề "Lấy trẻ làm trung tâm" cấp trường' : 'Sinh hoạt chuyên môn theo nghiên cứu bài học',
      section: 'chuyen-mon',
      summary: 'Báo cáo kết quả buổi sinh hoạt chuyên môn của các tổ.',
      body: ['Các tổ chuyên môn tổ chức dự giờ, phân tích bài học và rút kinh nghiệm; biên bản và kế hoạch đính kèm.'],
      tags: ['chuyên môn'],
      cover: 'lop-hoc',
    },
    {
      title: preschool ? 'Kế hoạch giáo dục năm học ' + year : `Kế hoạch kiểm tra đánh giá học kì I năm học ${year}`,
      section: 'chuyen-mon',
      summary: 'Kế hoạch chi tiết theo quy định của Bộ GDĐT.',
      body: ['Kế hoạch được xây dựng theo hướng dẫn của Sở và Phòng GDĐT; các tổ triển khai đến từng giáo viên.'],
      tags: ['kế hoạch'],
    },
    {
      title: 'Hội giảng giáo viên dạy giỏi cấp trường',
      section: 'chuyen-mon',
      summary: 'Kết quả hội giảng và danh sách giáo viên đạt giải.',
      body: ['Hội giảng diễn ra trong hai tuần với sự tham gia của giáo viên các tổ; ban giám khảo đánh giá theo tiêu chí của Phòng.'],
      tags: ['hội giảng'],
      cover: 'lop-hoc',
    },
    {
      title: 'Lễ khai giảng năm học mới',
      section: 'hoat-dong',
      summary: `${school.name} long trọng tổ chức lễ khai giảng năm học ${year}.`,
      body: ['Sáng 05/9, nhà trường tổ chức lễ khai giảng với sự tham dự của đại diện chính quyền địa phương, phụ huynh và học sinh.'],
      tags: ['khai giảng'],
      cover: 'khai-giang',
      gallery: ['khai-giang', 'van-nghe', 'the-thao', 'lop-hoc', 'doc-sach'],
    },
    {
      title: 'Hội thi "Đội tuyển học sinh giỏi" và ngày hội đọc sách',
      section: 'hoat-dong',
      summary: 'Các hoạt động ngoại khóa sôi nổi trong tháng.',
      body: ['Đội tuyển học sinh giỏi của trường tham gia giao lưu cấp thành phố; thư viện tổ chức ngày hội đọc sách cho học sinh.'],
      tags: ['ngoại khóa', 'đội tuyển'],
      cover: 'doc-sach',
    },
    {
      title: 'Công đoàn trường tổ chức hoạt động chào mừng ngày 20/11',
      section: 'hoat-dong',
      summary: 'Văn nghệ, thể thao và hoạt động tri ân thầy cô.',
      body: ['Công đoàn phối hợp Đoàn – Đội tổ chức chuỗi hoạt động chào mừng ngày Nhà giáo Việt Nam.'],
      tags: ['công đoàn'],
      cover: 'van-nghe',
    },
    {
      title: preschool ? 'Bé trải nghiệm trồng rau ở làng rau Trà Quế' : 'Học sinh trải nghiệm ở làng rau Trà Quế',
      section: 'hoat-dong',
      summary: 'Chuyến tham quan, trải nghiệm trồng rau cùng người nông dân làng Trà Quế.',
      body: ['Các em được hướng dẫn làm đất, gieo hạt, tưới rau và tìm hiểu nghề trồng rau truyền thống của Hội An.'],
      tags: ['trải nghiệm', 'ngoại khóa'],
      cover: 'trai-nghiem',
      gallery: ['trai-nghiem', 'the-thao', 'doc-sach'],
    },
    {
      title: `Kế hoạch thực hiện nhiệm vụ năm học ${year}`,
      section: 'van-ban',
      summary: `Kế hoạch thực hiện nhiệm vụ năm học ${year} của ${school.name}.`,
      body: ['Kế hoạch nêu mục tiêu, nhiệm vụ trọng tâm, các chỉ tiêu và giải pháp thực hiện trong năm học; văn bản đính kèm.'],
      tags: ['kế hoạch'],
      document: { number: `01/KH-${abbreviation(school.name)}`, issuer: fullSchoolName(school.name), issuedDate: `${y1}-09-15` },
    },
    {
      title: `Kế hoạch tuyển sinh ${grade} năm học ${Number(y1) + 1}-${Number(y1) + 2}`,
      section: 'van-ban',
      summary: `Chỉ tiêu, địa bàn, hồ sơ và thời gian tuyển sinh ${grade}.`,
      body: ['Kế hoạch tuyển sinh theo hướng dẫn của cấp trên: chỉ tiêu, đối tượng, địa bàn tuyển sinh, hồ sơ và lịch nhận hồ sơ.'],
      tags: ['tuyển sinh'],
      document: { number: `15/KH-${abbreviation(school.name)}`, issuer: fullSchoolName(school.name), issuedDate: `${y1}-11-20` },
    },
    {
      title: `Hướng dẫn thực hiện nhiệm vụ giáo dục ${preschool ? 'mầm non' : school.level === 'THCS' ? 'trung học' : 'tiểu học'} năm học ${year}`,
      section: 'van-ban',
      summary: 'Văn bản hướng dẫn của cấp trên, nhà trường triển khai thực hiện.',
      body: ['Nhà trường triển khai hướng dẫn đến toàn thể cán bộ, giáo viên, nhân viên.'],
      tags: ['pháp luật'],
      document: { number: `1024/PGDĐT-${preschool ? 'GDMN' : 'GDPT'}`, issuer: 'Phòng Giáo dục và Đào tạo thành phố Hội An', issuedDate: `${y1}-08-28` },
    },
  ]
}

/** The logo crest's colour per site template (the templates' primary colours, sites/src/templates). */
const SCHOOL_COLOURS: Record<School['template'], string> = { preschool: '#a3332a', primary: '#1a5690', 'lower-secondary': '#0b6146', combined: '#553580' }

const DISCLOSURE_SEEDS = [
  { group: 'general', title: 'Thông tin chung về cơ sở giáo dục' },
  { group: 'finance', title: 'Công khai tài chính: thu, chi, học phí và các khoản thu khác' },
  { group: 'quality', title: 'Công khai điều kiện bảo đảm chất lượng giáo dục' },
  { group: 'plan-results', title: 'Kế hoạch và kết quả hoạt động giáo dục' },
] as const

/** Introduction, published posts and disclosures, and a few posts in each review state, for one school. */
export async function seedSchoolWebsite(
  req: PayloadRequest,
  school: School,
  schoolId: number | string,
  authorId: number | string | null,
  reviewers: { leader: number | string | null; board: number | string | null } = { leader: null, board: null },
) {
  const { payload } = req
  const existing = await payload.count({ collection: 'posts', where: { school: { equals: schoolId } }, overrideAccess: true, req })
  if (existing.totalDocs > 0) return 0
  const year = currentSchoolYear()
  const now = Date.now()
  let created = 0
  // The introduction exists from the school's creation (an empty draft); the seed fills it in.
  const introId = (await payload.find({ collection: 'introductions', where: { school: { equals: schoolId } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0]?.id
  const writeIntroduction = ({ data }: { data: Record<string, unknown> }) =>
    introId === undefined
      ? payload.create({ collection: 'introductions', overrideAccess: true, req, context: TRUSTED, data: data as never })
      : payload.update({ collection: 'introductions', id: introId, overrideAccess: true, req, context: TRUSTED, data: data as never })
  const pictures = await seedSchoolPictures(req, school, schoolId, SCHOOL_COLOURS[school.template])
  await writeIntroduction({
    data: {
      school: schoolId,
      schoolName: school.name,
      logo: pictures.logo,
      banner: school.stt % 2 === 0 ? pictures.scenes.get('the-thao') : null,
      _status: 'published',
      functions: lexicalParagraphs([
        `${school.name} là cơ sở giáo dục ${school.levelName.toLowerCase()} công lập trực thuộc Phòng Giáo dục và Đào tạo thành phố Hội An.`,
        'Nhà trường tổ chức giảng dạy, học tập và các hoạt động giáo dục theo chương trình giáo dục phổ thông của Bộ GDĐT; quản lý giáo viên, nhân viên và học sinh; quản lý, sử dụng cơ sở vật chất theo quy định.',
      ]),
      structure: lexicalParagraphs(['Ban giám hiệu; các tổ chuyên môn; tổ văn phòng; Hội đồng trường; Công đoàn, Chi đoàn, Liên đội.']),
      leaders: [
        { name: 'Nguyễn Văn Hiệu', position: 'Hiệu trưởng', unit: 'Ban giám hiệu', phone: `0235 386 ${String(1000 + school.stt).slice(-4)}` },
        { name: 'Lê Thị Phó', position: 'Phó hiệu trưởng', unit: 'Ban giám hiệu', phone: `0235 386 ${String(2000 + school.stt).slice(-4)}` },
      ],
      history: lexicalParagraphs([`Trải qua nhiều năm xây dựng và trưởng thành, ${school.name} luôn là địa chỉ tin cậy của phụ huynh Hội An.`]),
      unions: [
        { kind: 'cong-doan', description: lexicalParagraphs(['Công đoàn cơ sở chăm lo đời sống, quyền lợi của cán bộ, giáo viên, nhân viên.']) },
        ...(school.template === 'preschool' ? [] : [{ kind: 'doi-tntp', description: lexicalParagraphs(['Liên đội tổ chức các phong trào thi đua, hoạt động tập thể cho học sinh.']) }]),
      ],
      address: `${school.name.replace(/^(MG|MN|TH-THCS|THCS|TH) /, '')}, thành phố Hội An, tỉnh Quảng Nam`,
      phone: `0235 386 ${String(1000 + school.stt).slice(-4)}`,
      email: `${school.slug}@demo.truongso.vn`,
    } as never,
  })

  const seeds = postsFor(school, year)
  for (const [index, post] of seeds.entries()) {
    await payload.create({
      collection: 'posts',
      overrideAccess: true,
      req,
      context: TRUSTED,
      data: {
        school: schoolId,
        title: post.title,
        section: post.section,
        summary: post.summary,
        content: lexicalParagraphs(post.body),
        tags: post.tags,
        cover: post.cover ? pictures.scenes.get(post.cover) : null,
        gallery: (post.gallery ?? []).map((key) => pictures.scenes.get(key)),
        ...(post.document && {
          documentNumber: post.document.number,
          issuer: post.document.issuer,
          issuedDate: new Date(`${post.document.issuedDate}T00:00:00Z`).toISOString(),
          attachments: [await seedSchoolPdf(req, schoolId, `${school.slug}__${post.document.number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`, post.title, `${school.slug} ${post.document.number}`)],
        }),
        schoolYear: year,
        department: await seedDepartment(req, schoolId, post.section === 'chuyen-mon' ? 'Tổ Chuyên môn 1' : 'Tổ Văn phòng'),
        author: authorId,
        _status: 'published',
        workflowState: 'published',
        publishedDate: new Date(now - (index + 1) * 3 * 24 * 60 * 60 * 1000).toISOString(),
      } as never,
    })
    created++
  }
  // Work in progress, so the admin and the review queues show a living school.
  const pending: { state: WorkflowState; title: string; reason?: string }[] = [
    { state: 'draft', title: 'Bản nháp: kế hoạch hoạt động ngoài giờ lên lớp' },
    { state: 'submitted', title: 'Kế hoạch tham quan học tập tại làng rau Trà Quế' },
    { state: 'leader-approved', title: 'Kết quả thi Olympic tiếng Anh cấp trường' },
    { state: 'returned', title: 'Thông báo họp phụ huynh đầu năm', reason: 'Bổ sung thời gian và địa điểm họp từng lớp.' },
    { state: 'unpublished', title: 'Thông báo lịch thi đã thay đổi (đã gỡ)' },
  ]
  for (const item of pending) {
    const doc = await payload.create({
      collection: 'posts',
      overrideAccess: true,
      req,
      context: TRUSTED,
      draft: true,
      data: {
        school: schoolId,
        title: item.title,
        section: 'thong-bao',
        summary: 'Đang chờ duyệt.',
        content: lexicalParagraphs(['Nội dung đang được soạn và duyệt.']),
        schoolYear: year,
        department: await seedDepartment(req, schoolId, 'Tổ Chuyên môn 1'),
        author: authorId,
        _status: 'draft',
        workflowState: item.state,
        lastReturnReason: item.reason ?? null,
      } as never,
    })
    await seedHistory(req, schoolId, doc.id, item.title, item.state, { author: authorId, ...reviewers }, item.reason, now)
    created++
  }
  if (school.template === 'preschool') {
    // This month's plan, due by the 25th of the month before (Circular 09/2024); next month's is left
    // for the board, so the dashboard shows it due.
    const first = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1))
    await payload.create({
      collection: 'disclosures',
      overrideAccess: true,
      req,
      context: TRUSTED,
      data: {
        school: schoolId,
        title: `Kế hoạch giáo dục tháng ${first.getUTCMonth() + 1}/${first.getUTCFullYear()}`,
        group: 'preschool-monthly',
        schoolYear: year,
        periodStart: first.toISOString(),
        summary: 'Kế hoạch giáo dục của tháng: chủ đề, hoạt động học, hoạt động ngoài trời, lễ hội của các nhóm, lớp.',
        content: lexicalParagraphs(['Chủ đề của tháng và các hoạt động chính của từng khối lớp.']),
        author: authorId,
        _status: 'published',
        workflowState: 'published',
        publishedDate: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 22)).toISOString(),
      } as never,
    })
    created++
    // Next week's plan and menu, due by the Saturday before (Circular 09/2024).
    const monday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7))
    await payload.create({
      collection: 'disclosures',
      overrideAccess: true,
      req,
      context: TRUSTED,
      data: {
        school: schoolId,
        title: `Kế hoạch tuần và thực đơn tuần từ ${monday.toISOString().slice(8, 10)}/${monday.toISOString().slice(5, 7)}/${monday.getUTCFullYear()}`,
        group: 'preschool-weekly',
        schoolYear: year,
        periodStart: monday.toISOString(),
        summary: 'Kế hoạch hoạt động và thực đơn bữa trưa, bữa xế của các nhóm, lớp.',
        content: lexicalParagraphs(['Thứ Hai: cơm, thịt kho trứng, canh bí đỏ; xế: sữa chua.', 'Thứ Ba: cơm, cá thu sốt cà, canh rau ngót; xế: chuối.']),
        author: authorId,
        _status: 'published',
        workflowState: 'published',
        publishedDate: new Date(now - 2 * 24 * 60 * 60 * 1000).toISOString(),
      } as never,
    })
    created++
  }
  for (const disclosure of DISCLOSURE_SEEDS) {
    await payload.create({
      collection: 'disclosures',
      overrideAccess: true,
      req,
      context: TRUSTED,
      data: {
        school: schoolId,
        title: `${disclosure.title} năm học ${year}`,
        group: disclosure.group,
        schoolYear: year,
        summary: `Thực hiện Thông tư 09/2024/TT-BGDĐT, ${school.name} công khai nội dung ${disclosure.title.toLowerCase()}.`,
        content: lexicalParagraphs(['Chi tiết xem tệp đính kèm hoặc liên hệ văn phòng nhà trường.']),
        author: authorId,
        _status: 'published',
        workflowState: 'published',
        publishedDate: new Date(now - 20 * 24 * 60 * 60 * 1000).toISOString(),
      } as never,
    })
    created++
  }
  return created
}

type Step = { action: string; from: WorkflowState; to: WorkflowState; by: 'author' | 'leader' | 'board' }
const SUBMIT: Step = { action: 'submit', from: 'draft', to: 'submitted', by: 'author' }
const APPROVE: Step = { action: 'approve', from: 'submitted', to: 'leader-approved', by: 'leader' }
/** The steps that brought a seeded post to its state, so its review history reads true in the admin. */
const HISTORY: Partial<Record<WorkflowState, Step[]>> = {
  submitted: [SUBMIT],
  'leader-approved': [SUBMIT, APPROVE],
  returned: [SUBMIT, { action: 'return', from: 'submitted', to: 'returned', by: 'leader' }],
  unpublished: [
    SUBMIT,
    APPROVE,
    { action: 'publish', from: 'leader-approved', to: 'published', by: 'board' },
    { action: 'unpublish', from: 'published', to: 'unpublished', by: 'board' },
  ],
}

async function seedHistory(
  req: PayloadRequest,
  schoolId: number | string,
  postId: number | string,
  title: string,
  state: WorkflowState,
  people: { author: number | string | null; leader: number | string | null; board: number | string | null },
  reason: string | undefined,
  now: number,
) {
  const steps = HISTORY[state] ?? []
  for (const [i, step] of steps.entries()) {
    await req.payload.create({
      collection: 'workflow-events',
      overrideAccess: true,
      req,
      context: TRUSTED,
      data: {
        school: schoolId,
        collectionSlug: 'posts',
        documentId: String(postId),
        posts: postId,
        action: step.action,
        fromState: step.from,
        toState: step.to,
        actor: people[step.by],
        actorRole: step.by === 'author' ? 'author' : step.by === 'leader' ? 'team-leader' : 'principal',
        reason: step.action === 'return' ? (reason ?? null) : null,
        title,
        // Spread over the last days, oldest first, so the history sorts as it happened.
        createdAt: new Date(now - (steps.length - i) * 6 * 60 * 60 * 1000).toISOString(),
      } as never,
    })
  }
}
