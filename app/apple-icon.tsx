import { iconPng } from '@/server/seo/brand';

export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return iconPng(180, { maskable: true });
}
