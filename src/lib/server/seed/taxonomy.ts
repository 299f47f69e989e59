/**
 * The issue-type taxonomy and the default queues, seeded at first start and then owned by
 * administrators (seeding never overwrites an edited row). Labels: Bahasa Indonesia first.
 */
export const ISSUE_TYPES = [
	{
		code: 'usp_administrasi',
		labelId: 'Administrasi Koperasi Simpan Pinjam',
		labelEn: 'Savings-and-loan cooperative administration'
	},
	{
		code: 'usp_operasional',
		labelId: 'Operasional Koperasi Simpan Pinjam',
		labelEn: 'Savings-and-loan cooperative operations'
	},
	{ code: 'kopdes_lahan', labelId: 'Lahan Kopdes Merah Putih', labelEn: 'Kopdes Merah Putih land' },
	{
		code: 'kopdes_tata_kelola',
		labelId: 'Tata Kelola & Manajemen Kopdes Merah Putih',
		labelEn: 'Kopdes Merah Putih governance and management'
	},
	{
		code: 'kopdes_permodalan',
		labelId: 'Permodalan & Pembiayaan Kopdes Merah Putih',
		labelEn: 'Kopdes Merah Putih capital and financing'
	},
	{
		code: 'desa_teknis',
		labelId: 'Kendala Teknis Tingkat Desa',
		labelEn: 'Village-level technical hurdles'
	},
	{ code: 'desa_regulasi', labelId: 'Regulasi Tingkat Desa', labelEn: 'Village-level regulation' },
	{ code: 'informasi_umum', labelId: 'Informasi Umum', labelEn: 'General information' },
	{ code: 'lainnya', labelId: 'Lainnya', labelEn: 'Other' }
] as const;

/** One IVR queue per topic; the IVR routes by the caller's menu choice. */
export const DEFAULT_QUEUES = [
	{ name: 'usp-admin', label: 'Simpan Pinjam — Administrasi', issueTypeCode: 'usp_administrasi' },
	{
		name: 'usp-operasional',
		label: 'Simpan Pinjam — Operasional',
		issueTypeCode: 'usp_operasional'
	},
	{ name: 'kopdes-lahan', label: 'Kopdes — Lahan', issueTypeCode: 'kopdes_lahan' },
	{ name: 'kopdes-tatakelola', label: 'Kopdes — Tata Kelola', issueTypeCode: 'kopdes_tata_kelola' },
	{ name: 'kopdes-permodalan', label: 'Kopdes — Permodalan', issueTypeCode: 'kopdes_permodalan' },
	{ name: 'desa-teknis', label: 'Desa — Kendala Teknis', issueTypeCode: 'desa_teknis' },
	{ name: 'desa-regulasi', label: 'Desa — Regulasi', issueTypeCode: 'desa_regulasi' },
	{ name: 'informasi', label: 'Informasi Umum', issueTypeCode: 'informasi_umum' }
] as const;
