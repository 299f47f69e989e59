/**
 * Bahasa Indonesia for the cases pages, the case form and the wall's breach ticker (issue 3).
 * Kept apart from the wall's dictionary so two areas can grow without editing one file;
 * `en.ts` must have exactly these keys (type-checked).
 */
export const casesId = {
	queueTitle: 'Antrean kerja kasus',
	queueHint: 'Kasus terbuka, yang lewat SLA lebih dulu, lalu sisa waktu tersedikit.',
	newCase: 'Kasus baru',
	wallLink: 'Layar dinding',
	home: 'Beranda',
	filters: {
		province: 'Provinsi',
		issueType: 'Jenis masalah',
		team: 'Tim',
		assignee: 'Petugas',
		state: 'Status SLA',
		channel: 'Kanal'
	},
	all: 'Semua',
	unassigned: 'Belum ditugaskan',
	noTeam: 'Tanpa tim',
	clearFilters: 'Hapus semua filter',
	applyFilters: 'Terapkan filter',
	states: {
		on_track: 'sesuai jadwal',
		at_risk: 'berisiko',
		breached: 'lewat SLA',
		met: 'terpenuhi',
		met_late: 'terpenuhi terlambat'
	},
	channels: { call: 'Telepon', chat: 'Chat', ticket: 'Tiket / surat' },
	statuses: {
		new: 'Baru',
		assigned: 'Ditugaskan',
		in_progress: 'Diproses',
		waiting_on_reporter: 'Menunggu pelapor',
		resolved: 'Selesai',
		closed: 'Ditutup'
	},
	priorities: { low: 'Rendah', normal: 'Normal', high: 'Tinggi', urgent: 'Mendesak' },
	reporterTypes: {
		public: 'Masyarakat umum',
		member: 'Anggota koperasi',
		manager: 'Pengurus koperasi'
	},
	cols: {
		select: 'Pilih',
		number: 'No. kasus',
		timeLeft: 'Sisa waktu',
		state: 'SLA',
		province: 'Provinsi',
		issueType: 'Jenis',
		subject: 'Perihal',
		team: 'Tim',
		assignee: 'Petugas',
		status: 'Status'
	},
	late: 'terlambat',
	left: 'sisa',
	paused: 'dijeda (menunggu pelapor)',
	noClock: 'tanpa jam',
	units: { day: 'h', hour: 'j' },
	shown: (shown: string, total: string) => `${shown} dari ${total} kasus`,
	empty: 'Tidak ada kasus terbuka untuk filter ini.',
	selectAll: 'Pilih semua yang tampil',
	reassign: {
		title: 'Alihkan kasus',
		selected: (n: number) => `${n} kasus dipilih`,
		toAgent: 'Ke petugas',
		toTeam: 'Ke tim',
		keep: '— tidak diubah —',
		reason: 'Alasan (wajib)',
		actor: 'Nama Anda (ketua tim)',
		submit: 'Alihkan',
		sending: 'Mengirim…',
		reasonRequired: 'Alasan wajib diisi.',
		targetRequired: 'Pilih petugas atau tim tujuan.',
		noneSelected: 'Pilih minimal satu kasus.',
		inactive: 'nonaktif',
		never: 'Pengalihan tidak pernah mengulang atau menjeda jam SLA.'
	},
	results: {
		title: 'Hasil pengalihan',
		ok: 'berhasil dialihkan',
		conflict: 'bentrok',
		not_found: 'tidak ditemukan',
		invalid: 'ditolak',
		refresh: 'Muat ulang daftar',
		summary: (ok: number, failed: number) => `${ok} berhasil, ${failed} gagal`
	},
	live: {
		live: 'LANGSUNG',
		connecting: 'MENYAMBUNG…',
		offline: 'TERPUTUS — daftar tidak diperbarui'
	},
	asOf: 'data per',
	wib: 'WIB'
};

export type CasesDictionary = typeof casesId;
