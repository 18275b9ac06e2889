"""Records of the school of mentoring belong to a district (directory.District)."""

import directory.models
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_district'),
        ('events', '0005_participation_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='historicalpartner',
            name='district',
            field=models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AddField(
            model_name='partner',
            name='district',
            field=models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование'),
        ),
        migrations.AlterField(
            model_name='historicalpartner',
            name='name',
            field=models.CharField(max_length=400, verbose_name='наименование'),
        ),
        migrations.AlterField(
            model_name='partner',
            name='name',
            field=models.CharField(max_length=400, verbose_name='наименование'),
        ),
        migrations.AddConstraint(
            model_name='partner',
            constraint=models.UniqueConstraint(fields=('district', 'name'), name='partner_name_unique_in_district', violation_error_message='Партнёр с таким наименованием уже есть.'),
        ),
    ]
