/** The audit export's header row (issue 6 §Exports), as the ministry reads it: one place for the specs. */
export const AUDIT_HEADER = [
	'Nomor kasus',
	'Kanal',
	'Kode provinsi',
	'Provinsi',
	'Kode kabupaten/kota',
	'Kabupaten/kota',
	'Jenis masalah',
	'Tim',
	'Petugas',
	'Status',
	'Diterima (WIB)',
	'Dibuat (WIB)',
	'Respons pertama (WIB)',
	'Diselesaikan (WIB)',
	'Ditutup (WIB)',
	'SLA respons pertama',
	'Tenggat respons pertama (WIB)',
	'SLA penyelesaian',
	'Tenggat penyelesaian (WIB)',
	'Kebijakan SLA'
];
