/**
 * Bahasa Indonesia for the team lead's notifications (issue 3 §Alerts): the header's bell and
 * `/notifications`. Its own file so other areas' dictionaries grow without conflicts; `en.ts`
 * must have exactly these keys (type-checked).
 */
export const notificationsId = {
	title: 'Notifikasi',
	bell: 'Notifikasi',
	/** The bell's accessible name with the count, e.g. "3 notifikasi belum dibaca". */
	unread: (n: number) =>
		n === 0 ? 'Tidak ada notifikasi belum dibaca' : `${n} notifikasi belum dibaca`,
	hint: 'Pemberitahuan SLA untuk tim Anda, dikirim pada jam kerja tim (pelanggaran di luar jam kerja menunggu jam buka berikutnya).',
	empty: 'Belum ada notifikasi.',
	notLinked:
		'Akun Anda tidak terhubung dengan petugas. Notifikasi dikirim kepada petugas yang menjadi ketua tim.',
	kinds: { 'sla.breached': 'Lewat SLA' },
	targets: { firstResponse: 'respons pertama', resolution: 'penyelesaian' },
	columns: {
		case: 'Kasus',
		what: 'Yang terjadi',
		province: 'Provinsi',
		issueType: 'Jenis masalah',
		breachedAt: 'Terlampaui',
		deliveredAt: 'Dikirim',
		state: 'Status'
	},
	target: 'target',
	read: 'dibaca',
	unreadBadge: 'baru',
	markRead: 'Tandai dibaca',
	marked: 'Notifikasi ditandai dibaca.',
	newArrived: 'Notifikasi baru masuk.',
	wib: 'WIB'
};

export type NotificationsDictionary = typeof notificationsId;
