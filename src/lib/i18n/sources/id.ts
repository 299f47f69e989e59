/**
 * Bahasa Indonesia for the health of sources and dead letters (issue 4 §5–6): /admin/sources,
 * /admin/dead-letters and the wall's "source silent" warning. `en.ts` has exactly these keys.
 */
export const sourcesId = {
	title: 'Sumber data',
	intro:
		'Setiap sumber yang mengirim peristiwa: koneksi atau penerimaan, peristiwa terakhir, laju per menit (15 menit terakhir). Senyap dinilai hanya pada jam kerja kalender standar, dalam menit kerja.',
	asOf: 'Per',
	wib: 'WIB',
	businessOpen: 'Jam kerja: buka (senyap dipantau)',
	businessClosed: 'Di luar jam kerja: senyap tidak dipantau',
	cols: {
		source: 'Sumber',
		kinds: 'Jalur',
		state: 'Keadaan',
		lastEvent: 'Peristiwa terakhir (WIB)',
		eventsPerMinute: 'Peristiwa/mnt',
		deadLettersPerMinute: 'Dead letter/mnt',
		waiting: 'Dead letter menunggu',
		quiet: 'Batas senyap (menit kerja)'
	},
	kinds: {
		ingest_key: 'kunci ingest',
		ami: 'AMI',
		whatsapp: 'WhatsApp',
		chatwoot: 'Chatwoot',
		internal: 'internal',
		other: 'lainnya'
	},
	states: {
		connected: 'terhubung',
		disconnected: 'terputus',
		receiving: 'menerima',
		silent: 'senyap',
		idle: 'tenang'
	},
	silentFor: (m: number) => `senyap ${m} mnt`,
	never: 'belum pernah',
	quietDefault: (m: number) => `bawaan (${m})`,
	quietOff: 'tidak dipantau',
	quietHint: 'Kosong = bawaan; 0 = jangan pernah memperingatkan.',
	save: 'Simpan',
	saved: 'Tersimpan.',
	deadLetters: 'Dead letter',
	deadLettersIntro:
		'Yang diterima adaptor tetapi tidak dapat dipahami, disimpan apa adanya. Setelah perbaikan, proses ulang: yang berhasil keluar dari daftar; yang masih gagal mencatat alasan barunya.',
	waitingTotal: (n: number) => `${n} dead letter menunggu`,
	showList: 'Lihat daftar',
	reprocess: 'Proses ulang',
	reprocessAll: 'Proses ulang semua',
	reprocessSource: (s: string) => `Proses ulang semua dari ${s}`,
	report: (r: { reprocessed: number; stillFailing: number; stored: number; more: boolean }) =>
		`${r.reprocessed} berhasil, ${r.stillFailing} masih gagal, ${r.stored} peristiwa baru disimpan${r.more ? '; masih ada lagi' : ''}.`,
	allSources: 'semua sumber',
	filter: 'Saring',
	letterCols: {
		id: '#',
		received: 'Diterima (WIB)',
		source: 'Sumber',
		reason: 'Alasan',
		payload: 'Isi (dipotong)',
		attempts: 'Percobaan'
	},
	lastAttempt: 'Terakhir dicoba',
	none: 'Tidak ada dead letter yang menunggu.',
	older: 'Lebih lama →',
	back: '← Sumber data',
	wallSilent: 'Sumber data senyap',
	minutes: (m: number) => `${m} mnt`
};

export type SourcesDictionary = typeof sourcesId;
