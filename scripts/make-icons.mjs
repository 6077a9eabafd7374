// Renders the PWA icons in public/icons/ from icon.svg. Run it after changing the SVG: `node scripts/make-icons.mjs`.
import sharp from 'sharp';

const source = 'public/icons/icon.svg';
for (const size of [192, 512]) {
  await sharp(source, { density: 300 }).resize(size, size).png().toFile(`public/icons/icon-${size}.png`);
}
// A maskable icon keeps its content inside the central 80% safe zone.
const inner = await sharp(source, { density: 300 }).resize(384, 384).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#123a6b' } })
  .composite([{ input: inner, gravity: 'center' }])
  .png()
  .toFile('public/icons/icon-maskable-512.png');
