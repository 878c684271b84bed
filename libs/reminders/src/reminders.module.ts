import { Module } from '@nestjs/common';

/** Home of the reminders domain module (see DESIGN.md); its tables, services and controllers land here. */
@Module({})
export class RemindersModule {}
