/** Reference data the pages need to label figures: provinces and the issue-type taxonomy. */
export interface ProvinceRef {
	/** BPS code, e.g. `61`. */
	code: string;
	name: string;
	/** Number of villages (desa/kelurahan), each with one Kopdes Merah Putih. */
	villages: number;
}

export interface IssueTypeRef {
	code: string;
	labelId: string;
	labelEn: string;
}

export interface Reference {
	provinces: ProvinceRef[];
	issueTypes: IssueTypeRef[];
}

/** Data of the `/wall` page load (SSR), before the socket takes over. */
export interface WallPageData {
	reference: Reference;
	snapshot: import('./socket').MetricsSnapshotV1;
}
