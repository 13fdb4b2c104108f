import React from 'react'

import { message } from '../../translations/index.ts'

/** The Trường Số mark: an open book under a roof, in the district's blue. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" role="img" aria-hidden="true" focusable="false">
      <rect width="48" height="48" rx="10" fill="#1d4ed8" />
      <path d="M24 8 8 18h32L24 8Z" fill="#fff" />
      <path d="M12 22v16c4-2 8-2 12 0 4-2 8-2 12 0V22c-4-2-8-2-12 0-4-2-8-2-12 0Z" fill="#fff" opacity=".95" />
      <path d="M24 22v16" stroke="#1d4ed8" strokeWidth="2" />
    </svg>
  )
}

/** Login page and "create first user" page logo (before login, in the district's Vietnamese). */
export function TruongSoLogo() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 14 }} data-testid="truongso-logo">
      <Mark size={56} />
      <div>
        <div style={{ fontSize: 28, fontWeight: 700, lineHeight: 1.1 }}>{message(null, 'ui.brand-name')}</div>
        <div style={{ fontSize: 14, opacity: 0.75 }}>{message(null, 'ui.brand-tagline')}</div>
      </div>
    </div>
  )
}

/** The small mark in the admin's nav and header. */
export function TruongSoIcon() {
  // Payload gives the nav icon an 18 px box; a larger mark is cut off.
  return <Mark size={18} />
}
