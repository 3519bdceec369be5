// One simple line icon per subject, as SVG fragments in a 64×64 box drawn with the current stroke.
// Hand-made shapes (no icon font) so thumbnails render the same on any machine.
import type { Subject } from "@lm/core";

export const SUBJECT_ICONS: Record<Subject, string> = {
  MATH: '<path d="M12 20h16M20 12v16M36 20h16M12 44l12 0M36 40h16M36 48h16M44 36l0 0"/><path d="M14 38l8 8M22 38l-8 8"/>',
  BIOLOGY: '<path d="M14 50C14 26 30 12 52 12c0 24-14 40-38 38z"/><path d="M14 50L40 24"/>',
  CHEMISTRY: '<path d="M26 10h12M28 10v16L14 50a4 4 0 0 0 4 4h28a4 4 0 0 0 4-4L36 26V10"/><path d="M20 40h24"/>',
  PHYSICS:
    '<ellipse cx="32" cy="32" rx="24" ry="9"/><ellipse cx="32" cy="32" rx="24" ry="9" transform="rotate(60 32 32)"/>' +
    '<ellipse cx="32" cy="32" rx="24" ry="9" transform="rotate(120 32 32)"/><circle cx="32" cy="32" r="3"/>',
  COMPUTER_SCIENCE: '<path d="M22 18L8 32l14 14M42 18l14 14-14 14M36 12L28 52"/>',
  ENGLISH: '<path d="M32 16c-6-4-14-5-22-4v36c8-1 16 0 22 4 6-4 14-5 22-4V12c-8-1-16 0-22 4zM32 16v36"/>',
  HISTORY: '<path d="M10 24L32 10l22 14zM14 28v18M24 28v18M40 28v18M50 28v18M8 52h48"/>',
  GEOGRAPHY:
    '<circle cx="32" cy="32" r="22"/><ellipse cx="32" cy="32" rx="10" ry="22"/><path d="M10 32h44M14 20h36M14 44h36"/>',
  ECONOMICS: '<path d="M10 54h44M16 54V40M28 54V30M40 54V36M52 54V20"/><path d="M12 30l14-12 10 8 16-14M44 12h8v8"/>',
  PSYCHOLOGY:
    '<path d="M24 46c-8-4-12-10-12-18a20 20 0 0 1 40 0c0 8-4 14-12 18v6H24z"/><path d="M24 56h16M32 20v12M26 26h12"/>',
  LANGUAGES: '<path d="M8 12h30v20H20l-8 8v-8H8z"/><path d="M42 24h14v20h-4v8l-8-8H26V36"/>',
  ART:
    '<path d="M32 8C18 8 8 18 8 30s10 24 22 24c4 0 5-3 3-6s0-6 4-6h7c6 0 12-5 12-12C56 18 46 8 32 8z"/>' +
    '<circle cx="20" cy="26" r="3"/><circle cx="30" cy="18" r="3"/><circle cx="42" cy="22" r="3"/>',
  MUSIC:
    '<ellipse cx="20" cy="48" rx="8" ry="6"/><ellipse cx="46" cy="42" rx="8" ry="6"/><path d="M28 48V14l26-6v34M28 24l26-6"/>',
  OTHER: '<path d="M32 8l7 15 16 2-12 11 3 16-14-8-14 8 3-16L9 25l16-2z"/>',
};
