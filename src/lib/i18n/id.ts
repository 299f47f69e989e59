/**
 * Bahasa Indonesia, the default language. `en.ts` must have exactly these keys (type-checked).
 * Definitions on tiles follow shared/spec/metrics.md; thresholds are passed in from data.
 */
export const id = {
	appName: 'Sigap',
	appTagline: 'Dasbor operasional pusat kontak Kementerian Koperasi',
	homeWallLink: 'Layar dinding nasional',
	homeRegionalTitle: 'Layar dinding provinsi',
	homeIssueTitle: 'Layar dinding per jenis masalah',
	homePagesTitle: 'Halaman Anda',
	homeBookmarkHint: 'Setiap layar adalah alamat yang bisa ditandai (bookmark).',
	switchLang: 'English',
	switchLangCode: 'en',
	national: 'Nasional',
	allIssueTypes: 'Semua jenis masalah',
	unknownProvince: 'Provinsi tidak diketahui',
	unknownIssueType: 'Jenis tidak diketahui',
	connection: {
		live: 'LANGSUNG',
		stale: 'TIDAK TERKINI',
		offline: 'TERPUTUS',
		connecting: 'MENYAMBUNG…'
	},
	asOf: 'data per',
	wib: 'WIB',
	staleTitle: 'DATA TIDAK TERKINI',
	staleReason: {
		offline: 'koneksi terputus',
		connecting: 'belum tersambung ke server',
		live: 'tidak ada pembaruan lebih dari 10 detik'
	},
	staleLast: 'data terakhir',
	none: '—',
	durationUnit: 'mnt:dtk',
	tiles: {
		callsWaiting: 'Panggilan menunggu',
		longestWait: 'Tunggu terlama',
		serviceLevel: 'Tingkat layanan hari ini',
		abandonRate: 'Tingkat ditinggalkan',
		asa: 'ASA (rata-rata jawab)',
		chatsWaiting: 'Chat menunggu',
		botContainment: 'Selesai oleh bot',
		openCases: 'Kasus terbuka',
		atRisk: 'Kasus berisiko',
		breached: 'Kasus lewat SLA'
	},
	defs: {
		callsWaiting: 'Panggilan dalam antrean sekarang',
		longestWait: (t: number) =>
			`Umur panggilan menunggu tertua sejak masuk antrean; ambang ${t} dtk`,
		serviceLevel: (t: number, goal: number) =>
			`Dijawab ≤ ${t} dtk ÷ (ditawarkan − ditinggalkan singkat) · target ${goal} %`,
		abandonRate: (s: number) =>
			`Penelepon menutup saat menunggu ≥ ${s} dtk ÷ (ditawarkan − ditinggalkan singkat), hari ini`,
		asa: 'Rata-rata tunggu panggilan yang dijawab, hari ini',
		chatsWaiting: 'Chat dialihkan ke petugas, belum dibalas',
		botContainment: 'Ditutup bot tanpa alihan & tanpa sesi baru ≤ 24 jam ÷ sesi bot selesai',
		openCases: 'Kasus belum selesai/ditutup, sekarang; dibuka & selesai: hari ini',
		atRisk: 'Kasus terbuka dengan jam SLA berstatus berisiko',
		breached: 'Kasus terbuka yang melewati target SLA'
	},
	sub: {
		agents: (available: string, loggedIn: string) => `${available} dari ${loggedIn} agen siap`,
		slCounts: (within: string, base: string) => `${within} dari ${base} panggilan`,
		shortAbandons: (n: string, s: number) => `ditinggalkan singkat (< ${s} dtk): ${n}`,
		aht: (aht: string) => `AHT ${aht}`,
		ahtTalkOnly: 'hanya waktu bicara',
		chatLongest: (wait: string) => `terlama ${wait}`,
		botCounts: (contained: string, ended: string) => `${contained} dari ${ended} sesi bot`,
		openedResolved: (opened: string, resolved: string) => `dibuka ${opened} · selesai ${resolved}`
	},
	tone: {
		good: 'sesuai target',
		warn: 'perlu perhatian',
		bad: 'di bawah target',
		neutral: ''
	},
	health: { good: 'baik', warn: 'waspada', bad: 'buruk', idle: 'tidak ada aktivitas' },
	gridTitle: 'Provinsi',
	gridHealthNote: 'warna = terburuk dari tingkat layanan & backlog',
	gridCounts: { waiting: 'tunggu', contacts: 'kontak', breached: 'lewat' },
	gridCountsNote: 'menunggu · kontak hari ini · lewat SLA',
	selected: 'dipilih',
	issueTitle: 'Per jenis masalah, hari ini',
	issueCols: {
		type: 'Jenis',
		contacts: 'Kontak',
		waiting: 'Menunggu',
		backlog: 'Terbuka',
		breached: 'Lewat SLA'
	},
	issueMore: (n: number) => `+${n} jenis lainnya`,
	issueEmpty: 'Belum ada kontak hari ini',
	chartTitle: '60 menit terakhir, per menit (WIB)',
	chartEmpty: 'Belum ada data 60 menit terakhir',
	series: {
		callsOffered: 'Panggilan ditawarkan',
		callsAnswered: 'Dijawab',
		callsAbandoned: 'Ditinggalkan',
		chatsStarted: 'Chat dimulai',
		casesOpened: 'Kasus dibuka'
	}
};

export type Dictionary = typeof id;
