import { defineAccess } from './define';

/**
 * The social-organisations module's permissions (issue 16 §2): read the registry and everything around
 * it; manage it (organisations, members, incubation, 社工站/室, funds, contracts, 五社联动 links, proposals
 * on behalf of an organisation); review 公益创投 (run rounds, score, grant); residents read the disclosure
 * of the community funds above their home (fund_board).
 */
export const socialOrgsAccess = defineAccess({
  permissions: ['social_orgs.read', 'social_orgs.manage', 'social_orgs.review', 'social_orgs.fund_board'],
  grants: {
    civil_affairs: ['social_orgs.read', 'social_orgs.review'],
    subdistrict_admin: ['social_orgs.read', 'social_orgs.manage', 'social_orgs.review'],
    dispatcher: ['social_orgs.read'],
    community_secretary: ['social_orgs.read', 'social_orgs.manage'],
    community_worker: ['social_orgs.read', 'social_orgs.manage'],
    grid_worker: ['social_orgs.read'],
    evaluator: ['social_orgs.read'],
    resident: ['social_orgs.fund_board'],
  },
});
