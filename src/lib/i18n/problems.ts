/**
 * Server problems in the reader's language. The API answers in English, its contract (stable
 * for scripts and logs); a page shows the same problem in Bahasa Indonesia through this
 * catalog, keyed like gettext by the English text, with the parts that vary (codes, numbers,
 * names, instants) carried over. A message the catalog does not know is shown as it came,
 * never hidden: an English sentence beats a blank.
 */
import { casesId as words } from './cases/id';
import type { Lang } from './index';

type Entry = readonly [RegExp, (m: RegExpExecArray) => string];

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
const channel = (v = '') => CHANNEL[v] ?? v;
/** A sentence starts with a capital, also when it starts with a channel's name. */
const Channel = (v = '') => channel(v).replace(/^./, (c) => c.toUpperCase());
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
		(m) => `${m[1]}–${m[2]} bertumpang tindih dengan ${m[3]} ${m[4]}–${m[5]} (${m[6]}).`
	],
	[/^(.+) is listed twice$/, (m) => `${m[1]} tercantum dua kali.`],
	[/^(.+) is not after the start (.+)$/, (m) => `${m[1]} tidak setelah jam mulai ${m[2]}.`],
	[/^(.+) is not a real date$/, (m) => `${m[1]} bukan tanggal yang ada.`]
];

const CATALOG: readonly Entry[] = [...SCHEMA, ...SERVICE];
/** Services prefix the field (`receivedAt: … is in the future`); the page shows it by the field. */
const FIELD_PREFIX = /^[\w.[\]]+: (?=.)/;

function known(message: string): string | null {
	for (const [pattern, say] of CATALOG) {
		const m = pattern.exec(message);
		if (m) return say(m);
	}
	return null;
}

/**
 * `message` for a reader of `lang`: as it came for English; for Bahasa Indonesia the catalog's
 * sentence, trying the message without its field prefix, then whole, then each of the problems
 * a `; `-joined list holds.
 */
export function problemText(message: string, lang: Lang): string {
	if (lang === 'en') return message;
	const bare = message.replace(FIELD_PREFIX, '');
	const whole = known(bare) ?? known(message);
	if (whole) return whole;
	const parts = message.split('; ');
	if (parts.length === 1) return message;
	return parts.map((part) => known(part.replace(FIELD_PREFIX, '')) ?? part).join(' ');
}

/** Whether the catalog has a sentence for `message` (tests hold every producer to it). */
export function hasIndonesian(message: string): boolean {
	return problemText(message, 'id') !== message;
}

/** Several problems as one line: `a; b` as the API lists them, or Indonesian sentences. */
export function problemsText(messages: readonly string[], lang: Lang): string {
	return messages.map((m) => problemText(m, lang)).join(lang === 'en' ? '; ' : ' ');
}
