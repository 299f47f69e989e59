/**
 * The catalog behind `problemText`: each English problem the API can give (a pattern, its
 * varying parts captured) and its Indonesian sentence. Grouped by who says it; the tests in
 * problems.spec.ts and the API integration specs hold every producer to it.
 */
import { accessId } from '../access/id';
import { casesId as words } from '../cases/id';

export type Entry = readonly [RegExp, (m: RegExpExecArray) => string];

const CHANNEL: Record<string, string> = {
	call: 'panggilan',
	chat: 'sesi chat',
	'chat session': 'sesi chat',
	ticket: 'tiket / surat'
};
const THING: Record<string, string> = {
	case: 'Kasus',
	agent: 'Petugas',
	team: 'Tim',
	calendar: 'Kalender',
	'SLA policy': 'Kebijakan SLA',
	notification: 'Notifikasi'
};
/** Nouns the access messages name, in Indonesian. */
const NOUN: Record<string, string> = {
	email: 'Alamat e-mail',
	password: 'Kata sandi',
	name: 'Nama',
	'API token': 'token API',
	'display token': 'token layar',
	'ingest key': 'kunci ingest',
	'two-digit BPS province code such as 61': 'kode provinsi BPS dua angka, mis. 61',
	'issue-type code such as kopdes_lahan': 'kode jenis masalah, mis. kopdes_lahan'
};
const channel = (v = '') => CHANNEL[v] ?? v;
/** A sentence starts with a capital, also when it starts with a channel's name. */
const Channel = (v = '') => channel(v).replace(/^./, (c) => c.toUpperCase());
const DAYS: Record<string, string> = {
	Sunday: 'Minggu',
	Monday: 'Senin',
	Tuesday: 'Selasa',
	Wednesday: 'Rabu',
	Thursday: 'Kamis',
	Friday: 'Jumat',
	Saturday: 'Sabtu'
};
const day = (v = '') => DAYS[v] ?? v;
const role = (v = '') => (accessId.roles as Record<string, string>)[v] ?? v;
const status = (v = '') => (words.statuses as Record<string, string>)[v] ?? v;

/** The contract's own messages (contracts/*.ts) and zod's defaults for the checks it runs. */
const SCHEMA: Entry[] = [
	[
		/^Too big: expected string to have <=(\d+) characters?$/,
		(m) => `Paling banyak ${m[1]} karakter.`
	],
	[
		/^Too small: expected string to have >=(\d+) characters?$/,
		(m) => `Paling sedikit ${m[1]} karakter.`
	],
	[/^Too big: expected number to be <=(\S+)$/, (m) => `Paling besar ${m[1]}.`],
	[/^Too small: expected number to be >=(\S+)$/, (m) => `Paling kecil ${m[1]}.`],
	[/^Too small: expected number to be >(\S+)$/, (m) => `Harus lebih dari ${m[1]}.`],
	[/^Invalid input: expected number, received \w+$/, () => 'Harus berupa angka.'],
	[/^Invalid input: expected int, received number$/, () => 'Harus bilangan bulat.'],
	[/^Invalid option: expected one of .+$/, () => 'Pilih salah satu pilihan yang tersedia.'],
	[/^Unrecognized keys?: (.+)$/, (m) => `Isian tidak dikenal: ${m[1]}.`],
	[/^must not be empty$/, () => 'Tidak boleh kosong.'],
	[
		/^must be a phone number \(e\.g\. (.+)\) or an e-mail address$/,
		(m) => `Isi nomor telepon (mis. ${m[1]}) atau alamat e-mail.`
	],
	[/^must be a village code like (.+)$/, (m) => `Kode desa harus seperti ${m[1]}.`],
	[/^must be a regency code like (.+)$/, (m) => `Kode kabupaten/kota harus seperti ${m[1]}.`],
	[/^must be a two-digit BPS province code$/, () => 'Harus kode provinsi BPS dua angka.'],
	[/^must be an issue-type code such as (.+)$/, (m) => `Harus kode jenis masalah, mis. ${m[1]}.`],
	[
		/^must be an ISO 8601 instant with offset, e\.g\. (.+)$/,
		(m) => `Harus tanggal dan jam lengkap dengan zona waktu, mis. ${m[1]}.`
	],
	[
		/^is required \(unless sourceContactId names the call or chat to take it from\)$/,
		() => 'Wajib diisi (kecuali kasus dibuat dari panggilan atau chat).'
	],
	[/^reason is required$/, () => 'Alasan wajib diisi.'],
	[/^give assigneeId or teamId \(or both\)$/, () => 'Pilih petugas atau tim (atau keduanya).'],
	[
		/^must not be longer than resolutionMinutes$/,
		() => 'Tidak boleh lebih lama dari target penyelesaian.'
	],
	[/^must be HH:MM, e\.g\. (.+)$/, (m) => `Harus JJ:MM, mis. ${m[1]}.`],
	[/^must be a date YYYY-MM-DD$/, () => 'Harus tanggal TTTT-BB-HH.'],
	[/^must be lower-case letters, digits or -$/, () => 'Hanya huruf kecil, angka atau tanda -.']
];

/** The case services' refusals (services/cases/*.ts, domain/cases/status.ts). */
const SERVICE: Entry[] = [
	[
		/^is required: (call|chat) (.+) has no known issue type$/,
		(m) => `Wajib diisi: ${channel(m[1])} ${m[2]} tidak punya jenis masalah yang dikenal.`
	],
	[/^(\S+) does not contain (\S+)$/, (m) => `Wilayah ${m[1]} tidak mencakup ${m[2]}.`],
	[/^unknown village "(.*)"$/, (m) => `Desa "${m[1]}" tidak dikenal.`],
	[/^unknown regency "(.*)"$/, (m) => `Kabupaten/kota "${m[1]}" tidak dikenal.`],
	[
		/^"(.*)" is not one of the 38 BPS province codes$/,
		(m) => `"${m[1]}" bukan salah satu dari 38 kode provinsi BPS.`
	],
	[/^unknown issue type "(.*)"; known: .*$/, (m) => `Jenis masalah "${m[1]}" tidak dikenal.`],
	[
		/^(.+) is in the future; a case's clock cannot start later than now$/,
		(m) => `${m[1]} ada di masa depan; jam kasus tidak boleh mulai setelah sekarang.`
	],
	[
		/^(.+) is before 2000; check the date$/,
		(m) => `${m[1]} sebelum tahun 2000; periksa tanggalnya.`
	],
	[/^unknown (agent|team|calendar) "(.*)"$/, (m) => `${THING[m[1]!]} "${m[2]}" tidak dikenal.`],
	[
		/^(agent|team) (.+) \((.+)\) is inactive$/,
		(m) => `${THING[m[1]!]} ${m[2]} (${m[3]}) tidak aktif.`
	],
	[
		/^no call or chat session "(.*)" is stored$/,
		(m) => `Tidak ada panggilan atau sesi chat "${m[1]}" yang tersimpan.`
	],
	[
		/^"(.*)" is a (call|chat session), so the case's channel is (\w+), not (\w+)$/,
		(m) =>
			`"${m[1]}" adalah ${channel(m[2])}, jadi kanal kasusnya ${channel(m[3])}, bukan ${channel(m[4])}.`
	],
	[
		/^both a call and a chat session have id "(.*)"; give channel .+$/,
		(m) => `Ada panggilan dan sesi chat ber-id "${m[1]}"; pilih kanalnya.`
	],
	[
		/^(call|chat) (\S+) is already case (\S+) \((\w+)\); open that case .+$/,
		(m) =>
			`${Channel(m[1])} ${m[2]} sudah menjadi kasus ${m[3]} (${status(m[4])}); buka kasus itu (buka kembali bila sudah ditutup).`
	],
	[
		/^a case in province (\S+) \((.+)\) is outside your scope$/,
		(m) => `Kasus di provinsi ${m[1]} (${m[2]}) di luar cakupan Anda.`
	],
	[
		/^(call|chat session) (\S+) \(province (\S+), issue type (\S+)\) is outside your scope$/,
		(m) =>
			`${Channel(m[1])} ${m[2]} (provinsi ${m[3]}, jenis masalah ${m[4]}) di luar cakupan Anda.`
	],
	[/^the case is already (\w+)$/, (m) => `Kasus sudah berstatus ${status(m[1])}.`],
	[/^a case cannot go back to new$/, () => `Kasus tidak bisa kembali ke ${status('new')}.`],
	[
		/^a closed case cannot be resolved; reopen it first$/,
		() => 'Kasus yang ditutup tidak bisa diselesaikan; buka kembali dulu.'
	],
	[
		/^assigned needs an assignee: reassign the case instead$/,
		() => `Status ${status('assigned')} butuh petugas: alihkan kasusnya.`
	],
	[
		/^case (\S+) is (\w+); reopen it first$/,
		(m) => `Kasus ${m[1]} berstatus ${status(m[2])}; buka kembali dulu.`
	],
	[
		/^case (\S+) is (\w+); reopen it to reply$/,
		(m) => `Kasus ${m[1]} berstatus ${status(m[2])}; buka kembali untuk membalas.`
	],
	[/^case (\S+) is already assigned there$/, (m) => `Kasus ${m[1]} sudah ditugaskan ke sana.`],
	[
		/^already reassigned by (.+) to (.+) at (.+), refresh\?$/,
		(m) => `Sudah dialihkan oleh ${m[1]} ke ${m[2]} pada ${m[3]}, muat ulang?`
	],
	[
		/^already changed by (.+) \((.+)\) at (.+), refresh\?$/,
		(m) => `Sudah diubah oleh ${m[1]} (${m[2]}) pada ${m[3]}, muat ulang?`
	],
	[/^([\w ]+?) "(.*)" does not exist$/, (m) => `${THING[m[1]!] ?? m[1]} "${m[2]}" tidak ada.`],
	[
		/^(\S+)–(\S+) overlaps (\S+) (\S+)–(\S+) on (.+)$/,
		(m) => `${m[1]}–${m[2]} bertumpang tindih dengan ${m[4]}–${m[5]} (${day(m[6])}).`
	],
	[
		/^(agent|team|calendar|SLA policy) id "(.*)" is already in use$/,
		(m) =>
			`ID ${(THING[m[1]!] ?? m[1]!).replace(/^./, (c) => c.toLowerCase())} "${m[2]}" sudah dipakai.`
	],
	[/^(.+) is listed twice$/, (m) => `${m[1]} tercantum dua kali.`],
	[/^(.+) is not after the start (.+)$/, (m) => `${m[1]} tidak setelah jam mulai ${m[2]}.`],
	[/^(.+) is not a real date$/, (m) => `${m[1]} bukan tanggal yang ada.`]
];

/** The access services' refusals (services/access/*.ts, contracts/access.ts). */
const ACCESS: Entry[] = [
	[/^(email|password|name) is required$/, (m) => `${NOUN[m[1]!]} wajib diisi.`],
	[/^email is too long$/, () => 'Alamat e-mail terlalu panjang.'],
	[/^must be an e-mail address such as (.+)$/, (m) => `Harus alamat e-mail, mis. ${m[1]}.`],
	[/^must be at least (\d+) characters$/, (m) => `Paling sedikit ${m[1]} karakter.`],
	[/^(?:name )?must be at most (\d+) characters$/, (m) => `Paling banyak ${m[1]} karakter.`],
	[/^must be one of: (.+)$/, (m) => `Harus salah satu dari: ${m[1]}.`],
	[/^each must be (?:a|an) (.+)$/, (m) => `Masing-masing harus ${NOUN[m[1]!] ?? m[1]}.`],
	[/^id must be a (?:number|user id)$/, () => 'Nomor pengguna tidak valid.'],
	[/^must be an issue-type code$/, () => 'Harus kode jenis masalah.'],
	[
		/^no agent (\S+) \(see \/admin\/teams\)$/,
		(m) => `Tidak ada petugas ${m[1]} (lihat /admin/teams).`
	],
	[/^unknown BPS code\(s\) (.+)$/, (m) => `Kode provinsi BPS tidak dikenal: ${m[1]}.`],
	[/^unknown issue type\(s\) (.+)$/, (m) => `Jenis masalah tidak dikenal: ${m[1]}.`],
	[
		/^a (\w+) needs provinces or issue types \(only (.+) may be national\)$/,
		(m) =>
			`Peran ${role(m[1])} butuh provinsi atau jenis masalah (hanya ${m[2]!.split(', ').map(role).join(', ')} yang boleh nasional).`
	],
	[/^a user (\S+) already exists$/, (m) => `Pengguna ${m[1]} sudah ada.`],
	[/^no user (\S+)$/, (m) => `Tidak ada pengguna ${m[1]}.`],
	[
		/^no active (API token|display token|ingest key) (\S+)$/,
		(m) => `Tidak ada ${NOUN[m[1]!]} aktif ${m[2]}.`
	],
	[/^"(.*)" is not a BPS province code$/, (m) => `"${m[1]}" bukan kode provinsi BPS.`],
	[/^"(.*)" is not in the taxonomy$/, (m) => `"${m[1]}" tidak ada dalam daftar jenis masalah.`],
	[/^outside your own scope$/, () => 'Di luar cakupan Anda sendiri.'],
	[
		/^lower-case letters, digits, "\.", "_" or "-", at most (\d+) characters$/,
		(m) => `Huruf kecil, angka, ".", "_" atau "-", paling banyak ${m[1]} karakter.`
	],
	[/^this account receives no notifications$/, () => 'Akun ini tidak menerima notifikasi.'],
	[
		/^this account works as no agent, so it has no cases of its own; ask an administrator to link it$/,
		() =>
			'Akun ini tidak terhubung ke petugas, jadi tidak punya kasus sendiri; minta administrator menghubungkannya.'
	],
	[
		/^an agent's new case is their own \(agent (\S+)\); a team lead reassigns it$/,
		(m) =>
			`Kasus baru seorang petugas adalah kasusnya sendiri (petugas ${m[1]}); ketua tim yang mengalihkannya.`
	],
	[/^must be a notification number$/, () => 'Harus nomor notifikasi.']
];

/** The access gate's refusals (domain/access/can.ts, http/resource-check.ts) and page queries. */
const GATE: Entry[] = [
	[/^role (\w+) may not use (.+)$/, (m) => `Peran ${role(m[1])} tidak boleh memakai ${m[2]}.`],
	[/^a wall display may not use (.+)$/, (m) => `Layar dinding tidak boleh memakai ${m[1]}.`],
	[/^API tokens may not use (.+)$/, (m) => `Token API tidak boleh memakai ${m[1]}.`],
	[/^case (\S+) is not assigned to you$/, (m) => `Kasus ${m[1]} tidak ditugaskan kepada Anda.`],
	[
		/^case (\S+) \(province (\S+)\) is outside your scope$/,
		(m) => `Kasus ${m[1]} (provinsi ${m[2]}) di luar cakupan Anda.`
	],
	[
		/^province (\S+) \/ issue type (\S+) is outside your scope; name a province you cover$/,
		(m) =>
			`Provinsi ${m[1]} / jenis masalah ${m[2]} di luar cakupan Anda; pilih provinsi yang Anda tangani.`
	],
	[
		/^(province|issue type) (\S+) is outside your scope$/,
		(m) => `${m[1] === 'province' ? 'Provinsi' : 'Jenis masalah'} ${m[2]} di luar cakupan Anda.`
	],
	[
		/^from and to: dates or ISO instants, from before to$/,
		() => 'Isi "dari" dan "sampai" dengan tanggal atau waktu ISO, "dari" sebelum "sampai".'
	],
	[
		/^"(.*)" must be HH:MM-HH:MM, e\.g\. (.+)$/,
		(m) => `"${m[1]}" harus JJ:MM-JJ:MM, mis. ${m[2]}.`
	],
	[
		/^line (\d+) "(.*)" must be YYYY-MM-DD: HH:MM-HH:MM \(or "-" to close\)$/,
		(m) => `Baris ${m[1]} "${m[2]}" harus TTTT-BB-HH: JJ:MM-JJ:MM (atau "-" untuk tutup).`
	],
	[
		/^Unknown time zone "(.*)" \(expected an IANA name such as (.+)\)$/,
		(m) => `Zona waktu "${m[1]}" tidak dikenal (harus nama IANA, mis. ${m[2]}).`
	],
	[/^must be letters, digits, _ \. or -$/, () => 'Hanya huruf, angka, _ . atau -.'],
	[
		/^(\w+) "(.*)" must be one of:? (.+)$/,
		(m) => `${m[1]} "${m[2]}" harus salah satu dari: ${m[3]}.`
	],
	[/^must be one of ([^:].*)$/, (m) => `Harus salah satu dari: ${m[1]}.`],
	[
		/^province "(.*)" is not one of the (\d+) BPS province codes$/,
		(m) => `Provinsi "${m[1]}" bukan salah satu dari ${m[2]} kode provinsi BPS.`
	],
	[
		/^issueType "(.*)" is not in the issue-type taxonomy$/,
		(m) => `Jenis masalah "${m[1]}" tidak ada dalam daftar jenis masalah.`
	],
	[/^must be a date like (.+)$/, (m) => `Harus tanggal seperti ${m[1]}.`]
];

export const CATALOG: readonly Entry[] = [...SCHEMA, ...SERVICE, ...ACCESS, ...GATE];
