import type { Executor } from '../db/database.js';
import type { CategoryRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';

/** Loads a category that may be chosen for a company: it exists and is not deleted. */
export async function loadSelectableCategory(db: Executor, categoryId: number, field = '/categoryId'): Promise<CategoryRow> {
  const category = await db.selectFrom('categories').selectAll().where('id', '=', categoryId).executeTakeFirst();
  if (!category) {
    throw new AppError('REFERENCE_NOT_FOUND', `category ${categoryId} does not exist`, [{ field, message: 'unknown category', code: 'unknownReference' }]);
  }
  if (category.deleted) {
    throw new AppError('ITEM_DELETED', `category ${categoryId} is deleted; restore it or choose another category`, [
      { field, message: 'deleted category', code: 'deletedItem' },
    ]);
  }
  return category;
}

/** Checks that an owner refers to an existing, active user. */
export async function assertActiveUser(db: Executor, userId: number, field = '/ownerId'): Promise<void> {
  const user = await db.selectFrom('users').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('REFERENCE_NOT_FOUND', `user ${userId} does not exist`, [{ field, message: 'unknown user', code: 'unknownReference' }]);
  if (!user.active) {
    throw new AppError('REFERENCE_NOT_FOUND', `user ${userId} is not active and cannot own records`, [{ field, message: 'inactive user', code: 'inactiveUser' }]);
  }
}
