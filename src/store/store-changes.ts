/**
 * What a writer changed in the data it loaded, said by the stage that changed it rather than inferred
 * by the store: a backend writes those stories and nothing else of the story table.
 */
export interface StoreChanges {
  /** Ids of stories added or changed in any way (copies, categories, dates, other fields). */
  stories: ReadonlySet<string>;
  /** Ids of stories no longer in the data (pruned, or absorbed into another). */
  removed: ReadonlySet<string>;
}
