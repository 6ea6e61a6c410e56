/** Publishes scheduled articles whose time has come (editorial feature). */
export async function publishScheduled(_env: Env): Promise<void> {}
