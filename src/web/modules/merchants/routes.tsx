/**
 * The merchants module's routes, mounted by App.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); public routes are phone pages
 * outside it (absolute paths, wrap lazy pages in <Suspense fallback={<PageLoading />}>).
 */
export const merchantsConsoleRoutes = <></>;

export const merchantsPublicRoutes = <></>;
