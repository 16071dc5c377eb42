export { LoadingState as default } from '@/app/_components/loading-state';
