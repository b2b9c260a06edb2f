import { describe, expect, it } from 'vitest';
import { detectLanguage } from './lang';

describe('detectLanguage', () => {
  it.each([
    ['id', 'Dibutuhkan segera admin untuk perusahaan di Jakarta, gaji menarik dan bisa kerja dari rumah.'],
    ['en', 'We are hiring a customer service officer with experience in the field. Apply now to join our team.'],
    ['ms', 'Jawatan kosong untuk kakitangan syarikat. Sila memohon sekarang, gaji lumayan dan elaun percuma.'],
    ['tl', 'Hindi na kailangan ng visa, malaking sweldo sa trabaho para sa mga kabataan. Mag-apply na po kayo.'],
    ['vi', 'Tuyển nhân viên chăm sóc khách hàng, việc nhẹ lương cao, không cần kinh nghiệm.'],
    ['th', 'งานออนไลน์ รายได้สูง ไม่ต้องใช้ทักษะ แอดมินออนไลน์ ตอบแชทลูกค้า'],
    ['zh', '高薪招聘，包吃包住包機票，月薪3萬，免經驗'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
  it.each([
    // Malay news shares most function words with Indonesian; selepas / orang ramai / mangsa decide it.
    [
      'ms',
      'Polis menasihatkan orang ramai supaya berhati-hati dengan tawaran kerja di Kemboja selepas 20 mangsa terkandas.',
    ],
    [
      'tl',
      'Hiring Customer Service Representative for Cambodia! Salary 1,200 USD. Interesado? PM lang po kayo sa amin',
    ],
    ['vi', 'tuyen gap nv cskh lam viec tai campuchia, luong 15tr, khong can kinh nghiem, lh zalo'],
    ['th', 'งาน Admin Online ที่ Cambodia เงินเดือน 1,000 USD ทัก LINE'],
    ['zh', 'Hiring 客服 Cambodia 高薪 telegram'],
  ])('routes a %s post written the way lures are (mixed script, no diacritics, Taglish)', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
  it('picks the dominant language of a mixed Indonesian/English post', () => {
    expect(
      detectLanguage(
        'Lowongan kerja sebagai customer service, gaji besar dan tidak perlu pengalaman untuk posisi ini. Apply now!',
      ),
    ).toBe('id');
    expect(
      detectLanguage('We are looking for an admin for our team in Jakarta, the salary is good. Kirim CV segera.'),
    ).toBe('en');
  });
  it('says und when it cannot tell', () => {
    expect(detectLanguage('OK 123')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });
});
