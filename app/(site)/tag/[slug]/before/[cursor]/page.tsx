// Older stories of a topic, the same page from a cursor on. Keyset pages: ".../before/<cursor>"
// always lists the same stories, however many are published after it, so a reader paging back
// never sees a story twice or misses one.
export const revalidate = 600;
export const generateStaticParams = async () => [];

export { default, generateMetadata } from '../../page';
