/** Bahasa Indonesia for the administration pages (calendars, SLA policies, teams and agents). */
export const adminId = {
	save: 'Simpan',
	saved: 'Tersimpan.',
	fixErrors: 'Tidak tersimpan: periksa isian yang ditandai. Tidak ada yang hilang.',
	any: '— semua —',
	none: '— tidak ada —',
	all: 'semua',
	active: 'Aktif',
	inactive: 'nonaktif',
	updatedAt: 'Diubah',
	calendars: {
		title: 'Kalender kerja',
		intro:
			'Jam kerja per hari (boleh beberapa interval), pengganti per tanggal, dan hari libur. Zona waktu Asia/Jakarta (WIB).',
		list: 'Kalender',
		newCalendar: '+ Kalender baru',
		id: 'ID (huruf kecil, angka, -)',
		name: 'Nama',
		timeZone: 'Zona waktu',
		weekly: 'Jam kerja mingguan',
		weeklyHint: 'Contoh: 07:30-12:00, 13:00-16:30. Kosong = tutup.',
		weekdays: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
		overrides: 'Pengganti per tanggal',
		overridesHint:
			'Satu baris per tanggal: 2026-03-20: 08:00-14:00 — atau 2026-03-21: - untuk tutup.',
		holidays: 'Hari libur',
		holidaysHint: 'Baris kosong di bawah untuk menambah; centang Hapus untuk membuang.',
		holidayCols: {
			date: 'Tanggal',
			name: 'Nama',
			source: 'Sumber',
			kind: 'Jenis',
			remove: 'Hapus'
		},
		kinds: { national: 'Libur nasional', cuti_bersama: 'Cuti bersama', other: 'Lainnya' },
		count: (n: number) => `${n} hari libur`
	},
	sla: {
		title: 'Kebijakan SLA',
		notice:
			'Perubahan berlaku untuk kasus BARU. Kasus yang sudah ada tetap memakai kebijakan yang berlaku saat kasus itu dibuat.',
		intro:
			'Kebijakan dicocokkan menurut jenis masalah, prioritas dan kanal; yang paling spesifik menang. Kebijakan bawaan (semua kosong) selalu ada. Target dalam menit kerja pada kalender kebijakan.',
		cols: {
			id: 'ID',
			name: 'Nama',
			issueType: 'Jenis masalah',
			priority: 'Prioritas',
			channel: 'Kanal',
			firstResponse: 'Respons pertama (mnt kerja)',
			resolution: 'Penyelesaian (mnt kerja)',
			atRisk: 'Berisiko dari (%)',
			calendar: 'Kalender'
		},
		newPolicy: 'Kebijakan baru',
		defaultPolicy: 'bawaan'
	},
	teams: {
		title: 'Tim & petugas',
		teams: 'Tim',
		agents: 'Petugas',
		newTeam: 'Tim baru',
		newAgent: 'Petugas baru',
		idHint: 'kosong = dibuat otomatis',
		teamCols: {
			id: 'ID',
			name: 'Nama',
			lead: 'Ketua tim',
			calendar: 'Kalender notifikasi',
			active: 'Aktif'
		},
		agentCols: {
			id: 'ID (mis. ID PBX)',
			name: 'Nama',
			teams: 'Tim',
			provinces: 'Provinsi yang ditangani',
			issueTypes: 'Jenis masalah yang ditangani',
			active: 'Aktif'
		},
		multiHint: 'Ctrl/Cmd + klik untuk memilih beberapa; kosong = semua.'
	}
};

export type AdminDictionary = typeof adminId;
