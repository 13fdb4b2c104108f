/**
 * Local additions to the leaked-password list: what Vietnamese staff, Hội An and this platform make
 * people type. Stored normalised (lowercase, no diacritics, đ → d, no spaces, dashes, dots or
 * underscores). Words here are also refused with a year or a short number after them.
 */
export const VIETNAMESE_WEAK_WORDS: readonly string[] = [
  'matkhau', 'matkhaumoi', 'matkhaucu', 'doimatkhau', 'khongbiet', 'khongnho', 'quenmatkhau',
  'password', 'passwd', 'admin', 'administrator', 'quantri', 'quantrivien', 'root', 'test', 'demo',
  'truongso', 'truonghoc', 'nhatruong', 'giaovien', 'giaovienbomon', 'chunhiem', 'hocsinh', 'hieutruong',
  'phohieutruong', 'totruong', 'vanthu', 'ketoan', 'nhanvien', 'thuvien', 'phonggiaoduc', 'phonggd',
  'phonggddt', 'sogddt', 'giaoduc', 'daotao', 'tieuhoc', 'mamnon', 'thcs', 'thpt',
  'vietnam', 'vietnamoi', 'hoian', 'hoiancity', 'quangnam', 'danang', 'hanoi', 'saigon', 'hue',
  'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'iloveyou', 'toiyeuban', 'tinhyeu', 'hanhphuc', 'giadinh',
  'conyeu', 'bome', 'mama', 'baba', 'xinchao', 'chaoban', 'abc', 'abcd', 'abcde', 'qwerty', 'asdfgh',
  'zxcvbn', 'zxcvbnm', 'qwertyuiop', 'asdfghjkl', 'thanhcong', 'chienthang', 'maimai', 'muaxuan',
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho',
  'ngo', 'duong', 'ly',
]

/** Whole passwords (already normalised) seen in Vietnamese leaks and guesses. */
export const VIETNAMESE_COMMON_PASSWORDS: readonly string[] = [
  '123456789', '1234567890', '12345678910', '0123456789', '987654321', '9876543210', '123123123',
  '123456789a', 'a123456789', '1q2w3e4r5t', '1qaz2wsx3edc', 'password123456', 'matkhau123',
  'matkhau123456', 'matkhau@123', 'matkhau!@#', '123456abc', 'abc123456', 'abc123456789',
  'hoian2026', 'hoian@2026', 'hoian12345', 'quangnam123', 'vietnam123', 'vietnam1234', 'truongso123',
  'truongso2026', 'giaovien123', 'hocsinh123', 'admin12345', 'admin123456', 'admin@123', 'iloveyou123',
  'anhyeuem123', 'emyeuanh123', 'zxcvbnm123', 'qwerty12345', 'abcd123456', 'abc1234567', '11223344556677',
  '0987654321', '0123456789a', '01234567890', 'aaaaaaaaaa', 'asdfghjkl123',
]
