import type { StaffPrincipal } from '../../auth/sessions';

/** The admin app's main navigation; each link only for the roles that may use it. */
export function AdminNav(props: { staff: StaffPrincipal; current: string }) {
  const { role } = props.staff;
  const links = [
    { href: '/admin/queue', label: '相談の受付', roles: ['admin', 'counselor'] },
    { href: '/admin/bookings', label: '予約', roles: ['admin', 'counselor', 'staff'] },
    { href: '/admin/events', label: 'イベント', roles: ['admin', 'counselor', 'staff'] },
    { href: '/admin/broadcasts', label: 'お知らせ配信', roles: ['admin', 'staff'] },
    { href: '/admin/canned', label: '定型文', roles: ['admin', 'counselor'] },
    { href: '/admin/users', label: 'ユーザーと権限', roles: ['admin'] },
    { href: '/admin/audit', label: '閲覧記録', roles: ['admin'] },
  ].filter((l) => l.roles.includes(role));
  return (
    <nav aria-label="管理画面のメニュー" class="main-nav">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={props.current === l.href ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
