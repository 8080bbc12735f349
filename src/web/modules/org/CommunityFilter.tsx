import { OrgUnitSelect } from './OrgUnitSelect';

/** The community filter of a staff page's tab bar: a subdistrict or community, none for all of them. */
export function CommunityFilter(props: {
  value: string | undefined;
  onChange: (communityId: string | undefined) => void;
  placeholder: string;
}) {
  return (
    <div style={{ width: 260 }}>
      <OrgUnitSelect
        value={props.value}
        onChange={(v) => props.onChange(v)}
        selectableKinds={['subdistrict', 'community']}
        searchKind="community"
        placeholder={props.placeholder}
      />
    </div>
  );
}
