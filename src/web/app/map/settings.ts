import { useQuery } from '@tanstack/react-query';
import { type MapSettings, NO_BASE_MAP } from '../../../shared/geo/mapSettings';
import { api } from '../api';

/** The public settings of GET /api/config (cached for the session). */
export interface PublicConfig {
  tilesUrl: string | null;
  map?: MapSettings;
  demoLoading?: boolean;
}

export const configQuery = {
  queryKey: ['config'],
  queryFn: () => api.get<PublicConfig>('/api/config'),
  staleTime: Number.POSITIVE_INFINITY,
} as const;

/** The base map the server is configured with (provider, tile layers, their coordinate system). */
export function useMapSettings(): MapSettings {
  const config = useQuery(configQuery);
  return config.data?.map ?? NO_BASE_MAP;
}
