export { listUrl, recordPath } from './listUrl';
export { PageFetchError, readPages, RecordsPathError, type FetchedPage, type FetchPage, type ReadPagesRequest, type ReadPagesResult } from './readPages';
export { readMark, type ReadMark } from './readMark';
export { addToGroup, groupOfRecord, planGroups, recordsOfGroup, type GroupPlan, type GroupRequest } from './groupPlan';
export { fieldValues, type FieldValues } from './fieldValues';
